using InclusionCases.Domain.Access;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using InclusionCases.Functions.Pipeline;

namespace InclusionCases.Functions.Reports;

/// <summary>The report routes: thin adapters to <see cref="ReportService"/> and one use case each.</summary>
public sealed class ReportFunctions(HttpApi api, ReportService reports, UseCases.GetBreakdown breakdown, UseCases.OpenNightCount openCount, UseCases.GetNightCount getCount, TimeProvider clock)
{
    [Function(nameof(GetSummaryReport))]
    [ApiDoc("Cases by status and type, contacts by zone and need, retention and median days to housing; small counts suppressed.", Operation = ApiOperation.ReadReports, Query = ["from", "to"], Response = typeof(SummaryReport))]
    public Task<IActionResult> GetSummaryReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/summary")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var errors = new FieldErrors();
            var from = QueryTimes.Read(request, "from", errors);
            var to = QueryTimes.Read(request, "to", errors);
            errors.ThrowIfAny();
            return ApiResults.Ok(await reports.SummaryAsync(caller, from, to, ct));
        });

    [Function(nameof(GetBreakdownReport))]
    [ApiDoc("A measure by one or two dimensions over whole quarters, every count suppressed so nobody can be singled out; CSV with Accept: text/csv.", Operation = ApiOperation.ReadReports, Query = ["measure", "by", "from", "to"], Response = typeof(Contracts.BreakdownReport), Csv = true)]
    public Task<IActionResult> GetBreakdownReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/breakdown")] HttpRequest request) =>
        api.HandleAsync(request, async (_, ct) =>
        {
            var query = BreakdownRequest.Read(request, Domain.Time.PlausibleDates.Today(clock.GetUtcNow()));
            var report = await breakdown.ExecuteAsync(query, ct);
            return request.Headers.Accept.Any(a => a?.Contains(BreakdownCsv.MediaType, StringComparison.OrdinalIgnoreCase) == true)
                ? ApiResults.Text(BreakdownCsv.Write(report), BreakdownCsv.MediaType)
                : ApiResults.Ok(report);
        });

    [Function(nameof(OpenNightCount))]
    [ApiDoc("Open a night count (point-in-time count) for a night, a window on a Brussels clock and zones; the street contacts of that window and those zones are its tallies.", Operation = ApiOperation.OpenNightCount, Success = 201, Location = true, Request = typeof(Contracts.OpenNightCountRequest), Response = typeof(Contracts.NightCountResponse))]
    public Task<IActionResult> OpenNightCount([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "counts")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<Contracts.OpenNightCountRequest>(request, ct);
            var count = await openCount.ExecuteAsync(caller, body, ct);
            return ApiResults.Created($"/api/counts/{count.Id}", count);
        });

    [Function(nameof(GetNightCount))]
    [ApiDoc("A night count's tallies as of now: by zone, people seen once each and those found bedded down, suppressed like every report.", Operation = ApiOperation.ReadNightCount, Response = typeof(Contracts.NightCountResponse))]
    public Task<IActionResult> GetNightCount([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "counts/{countId}")] HttpRequest request, string countId) =>
        api.HandleAsync(request, async (_, ct) => ApiResults.Ok(await getCount.ExecuteAsync(countId, ct)));
}
