using System.Text.Json.Nodes;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Pipeline;
using Microsoft.Extensions.Configuration;

namespace InclusionCases.Functions.OpenApi;

/// <summary>
/// The document <c>GET /api/openapi.json</c> serves, built once: the committed contract, with this
/// deployment's token endpoint and scope in the client-credentials scheme when it validates Entra ID
/// tokens (AzureAd mode with a tenant and client id), so a partner's tooling can sign in from it as is.
/// </summary>
public sealed class ServedContract(IConfiguration configuration)
{
    private readonly Lazy<JsonObject> _document = new(() => OpenApiDocumentBuilder.Build(typeof(HttpApi).Assembly, IdentityOf(configuration)));

    public JsonObject Document => _document.Value;

    private static ContractIdentity IdentityOf(IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var azureAd = configuration.GetSection(ApiAuthentication.AzureAdSection);
        return string.Equals(auth.Mode, AuthOptions.AzureAdMode, StringComparison.OrdinalIgnoreCase)
            && azureAd["TenantId"] is { Length: > 0 } tenantId && azureAd["ClientId"] is { Length: > 0 } clientId
            ? ContractIdentity.Of(azureAd["Instance"] is { Length: > 0 } instance ? instance : "https://login.microsoftonline.com/", tenantId, clientId)
            : ContractIdentity.Template;
    }
}
