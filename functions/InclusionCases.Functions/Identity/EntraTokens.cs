namespace InclusionCases.Functions.Identity;

/// <summary>
/// What Entra ID puts in <c>aud</c> and <c>iss</c> of an access token for this API. v2 tokens
/// (<c>requestedAccessTokenVersion: 2</c>, set by infra/entra-app.sh) carry the client id GUID;
/// a token asked for by the application id URI carries <c>api://{clientId}</c>. Both, nothing else.
/// </summary>
public static class EntraTokens
{
    public const string IdentifierUriScheme = "api://";

    public const string PublicCloudInstance = "https://login.microsoftonline.com/";

    /// <summary>The audiences accepted for the API registered as <paramref name="clientId"/>.</summary>
    public static string[] Audiences(string clientId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        return clientId.StartsWith(IdentifierUriScheme, StringComparison.Ordinal) ? [clientId] : [clientId, IdentifierUriScheme + clientId];
    }

    /// <summary>The v2 issuer of a tenant, e.g. <c>https://login.microsoftonline.com/{tid}/v2.0</c>.</summary>
    public static string V2Issuer(string instance, string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return $"{instance.TrimEnd('/')}/{tenantId}/v2.0";
    }
}
