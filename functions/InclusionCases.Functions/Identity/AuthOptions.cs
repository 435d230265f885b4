namespace InclusionCases.Functions.Identity;

/// <summary>
/// How bearer tokens are validated (configuration section <c>Auth</c>). <c>AzureAd</c> (the default)
/// validates Entra ID tokens with Microsoft.Identity.Web from the <c>AzureAd</c> section;
/// <c>Development</c> validates tokens signed with a local development key and is refused outside a
/// Development host environment.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";
    public const string AzureAdMode = "AzureAd";
    public const string DevelopmentMode = "Development";

    public string Mode { get; set; } = AzureAdMode;

    public DevelopmentAuthOptions Development { get; set; } = new();
}
