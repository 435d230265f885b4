using InclusionCases.Domain.Access;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using InclusionCases.Functions.Pipeline;

namespace InclusionCases.Functions.Reports;

/// <summary>The report route: a thin adapter to <see cref="ReportService"/>.</summary>
public sealed class ReportFunctions(HttpApi api, ReportService reports)
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
}
