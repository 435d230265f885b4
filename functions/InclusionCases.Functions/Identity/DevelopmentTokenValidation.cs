using Microsoft.IdentityModel.Tokens;

namespace InclusionCases.Functions.Identity;

/// <summary>What a development token must satisfy: the same checks Entra tokens get, with a local key.</summary>
internal static class DevelopmentTokenValidation
{
    public static TokenValidationParameters Parameters(DevelopmentAuthOptions options) => new()
    {
        ValidIssuer = options.EffectiveIssuer,
        ValidAudiences = EntraTokens.Audiences(options.Audience),
        IssuerSigningKey = DevelopmentSigningKey.From(options),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        // "api://{clientId}/" is not "api://{clientId}".
        IgnoreTrailingSlashWhenValidatingAudience = false,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = ApiClaims.Name,
        RoleClaimType = ApiClaims.Roles,
    };
}
