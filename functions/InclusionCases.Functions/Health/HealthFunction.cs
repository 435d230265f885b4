using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using InclusionCases.Functions.Pipeline;

namespace InclusionCases.Functions.Health;

/// <summary><c>GET /api/health</c>: 200 when storage answers, 503 with Retry-After when it does not. No token needed.</summary>
public sealed class HealthFunction(HttpApi api, StorageHealthProbe probe)
{
    [Function(nameof(GetHealth))]
    [ApiDoc("Whether the API can reach its storage.", Anonymous = true, Response = typeof(HealthResponse))]
    public Task<IActionResult> GetHealth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        api.HandleAnonymousAsync(request, async cancellationToken =>
        {
            await probe.CheckAsync(cancellationToken);
            return ApiResults.Ok(new HealthResponse("ok"));
        });
}
