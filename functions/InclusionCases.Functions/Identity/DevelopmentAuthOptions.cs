namespace InclusionCases.Functions.Identity;

/// <summary>
/// The development token settings (<c>Auth:Development</c>), from local settings only. The defaults
/// give tokens the shape Entra ID v2 issues for an API registered with
/// <c>requestedAccessTokenVersion: 2</c>; the GUIDs name no real tenant or application.
/// </summary>
public sealed class DevelopmentAuthOptions
{
    /// <summary>Base64 of at least 32 random bytes; the example settings hold a development-only key.</summary>
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>A fixed tenant id stamped into development tokens, like Entra's <c>tid</c>.</summary>
    public string TenantId { get; set; } = "4b1d5c3e-0d6a-4f2b-9c8e-7a5f3e1d0c9b";

    /// <summary>The issuer; by default Entra's v2 issuer for <see cref="TenantId"/>.</summary>
    public string? Issuer { get; set; }

    /// <summary>The API's (development) client id: the <c>aud</c> of its v2 access tokens.</summary>
    public string Audience { get; set; } = "9e3f2a71-5c4b-4d8e-a1f0-6b7c8d9e0f12";

    /// <summary>The client id of the (development) application that requests tokens: <c>azp</c>.</summary>
    public string ClientAppId { get; set; } = "2c6a8e4f-1b3d-4a5c-8e7f-9d0b1a2c3e4d";

    /// <summary>The issuer tokens carry and validation expects.</summary>
    public string EffectiveIssuer => string.IsNullOrEmpty(Issuer) ? EntraTokens.V2Issuer(EntraTokens.PublicCloudInstance, TenantId) : Issuer;
}
