using InclusionCases.Domain.Access;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using InclusionCases.Functions.Pipeline;

namespace InclusionCases.Functions.Operations;

/// <summary>
/// The operator routes <c>/api/admin/…</c>: the operations status and poison messages. The Functions host refuses function routes that
/// start with the literal "admin" (its own admin API lives there, azure-functions-host#1781), so the
/// first segment is a route parameter constrained to "admin": same URL, accepted by both hosts.
/// </summary>
public sealed class AdminFunctions(HttpApi api, PoisonQueues poison, OperationsStatusReader status)
{
    private const string AdminSegment = "{area:regex(^admin$)}";

    [Function(nameof(GetOperationsStatus))]
    [ApiDoc("Storage, queue backlogs and poison counts, the oldest unprojected change and each timer's last runs; degraded when a threshold is crossed.", Operation = ApiOperation.ReadOperationsStatus, Response = typeof(OperationsStatus))]
    public Task<IActionResult> GetOperationsStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AdminSegment + "/status")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Ok(await status.ReadAsync(ct)));

    [Function(nameof(ListPoisonMessages))]
    [ApiDoc("Poison messages of every queue, with a preview that shows no values.", Operation = ApiOperation.ListPoison, Response = typeof(PageResponse<PoisonMessage>))]
    public Task<IActionResult> ListPoisonMessages([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AdminSegment + "/poison")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Ok(new PageResponse<PoisonMessage>(await poison.ListAsync(caller, ct), null)));

    [Function(nameof(ReplayPoisonMessages))]
    [ApiDoc("Put poison messages back on their queue: all, one, or one repaired.", Operation = ApiOperation.ReplayPoison, Request = typeof(ReplayRequest), RequestOptional = true, Response = typeof(ReplayResult))]
    public Task<IActionResult> ReplayPoisonMessages([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AdminSegment + "/poison/{queue}/replay")] HttpRequest request, string queue) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var body = await RequestBody.ReadOptionalAsync<ReplayRequest>(request, ct);
            return ApiResults.Ok(await poison.ReplayAsync(caller, queue, body, ct));
        });
}
