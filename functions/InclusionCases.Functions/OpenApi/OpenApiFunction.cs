using System.Text.Json.Nodes;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using InclusionCases.Functions.Pipeline;

namespace InclusionCases.Functions.OpenApi;

/// <summary><c>GET /api/openapi.json</c>: the contract, generated from the code. No token needed.</summary>
public sealed class OpenApiFunction(HttpApi api, ServedContract contract)
{
    [Function(nameof(GetOpenApi))]
    [ApiDoc("The OpenAPI 3.1 document of every route.", Anonymous = true)]
    public Task<IActionResult> GetOpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        api.HandleAnonymousAsync(request, _ => Task.FromResult<IActionResult>(ApiResults.Ok(contract.Document)));
}
