namespace InclusionCases.Functions.Identity;

/// <summary>The development token settings (<c>Auth:Development</c>), from local settings only.</summary>
public sealed class DevelopmentAuthOptions
{
    /// <summary>Base64 of at least 32 random bytes; the example settings hold a development-only key.</summary>
    public string SigningKey { get; set; } = string.Empty;

    public string Issuer { get; set; } = "https://login.inclusioncases.localhost/dev/v2.0";

    public string Audience { get; set; } = "api://inclusioncases-dev";

    /// <summary>A fixed tenant id stamped into development tokens, like Entra's <c>tid</c>.</summary>
    public string TenantId { get; set; } = "00000000-0000-0000-0000-00000000dev0";
}
