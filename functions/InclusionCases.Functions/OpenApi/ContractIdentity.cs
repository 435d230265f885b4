namespace InclusionCases.Functions.OpenApi;

/// <summary>
/// Where a partner system gets a token by client credentials, as the document's OAuth 2.0 scheme
/// states it: the deployment's tenant token endpoint and the API's <c>.default</c> scope.
/// </summary>
public sealed record ContractIdentity(string TokenUrl, string Scope)
{
    /// <summary>
    /// The form of any deployment, for the committed document and hosts without Entra ID (the local
    /// host): the token URL of multi-tenant sign-in and a scope naming where the API's client id goes.
    /// </summary>
    public static ContractIdentity Template { get; } = new("https://login.microsoftonline.com/organizations/oauth2/v2.0/token", "api://{api-client-id}/.default");

    /// <summary>A deployment's own: <c>{instance}{tenantId}/oauth2/v2.0/token</c> and <c>api://{clientId}/.default</c>.</summary>
    public static ContractIdentity Of(string instance, string tenantId, string clientId)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new($"{instance.TrimEnd('/')}/{tenantId}/oauth2/v2.0/token", $"api://{clientId}/.default");
    }
}
