using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using InclusionCases.Functions.Pipeline;

namespace InclusionCases.Functions.CallerProfile;

/// <summary><c>GET /api/me</c>: who the API takes the caller to be.</summary>
public sealed class MeFunction(HttpApi api)
{
    [Function(nameof(GetMe))]
    [ApiDoc("The caller: id, name, organisation (from the membership table) and roles.", AnyRole = true, Response = typeof(MeResponse))]
    public Task<IActionResult> GetMe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request) =>
        api.HandleAsync(request, (caller, _) => Task.FromResult<IActionResult>(ApiResults.Ok(MeResponse.From(caller))));
}
