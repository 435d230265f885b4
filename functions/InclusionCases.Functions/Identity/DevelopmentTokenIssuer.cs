using InclusionCases.Domain.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InclusionCases.Functions.Identity;

/// <summary>
/// Signs development tokens shaped like the Entra ID v2 access tokens the API gets in Azure:
/// <c>aud</c> the API's client id GUID, <c>iss</c> the tenant's v2 issuer, <c>ver</c> 2.0, <c>tid</c>,
/// <c>oid</c>/<c>sub</c>, <c>azp</c>, <c>roles</c>, <c>name</c> for users and <c>idtyp: app</c> for
/// applications. Used by <c>./dev token</c> and the tests; registered only in Development mode.
/// </summary>
public sealed class DevelopmentTokenIssuer(DevelopmentAuthOptions options)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    private readonly SigningCredentials _credentials = new(DevelopmentSigningKey.From(options), SecurityAlgorithms.HmacSha256);

    /// <summary>A token for a user (<paramref name="name"/> set) or an application (no name: app-only token).</summary>
    public string Issue(string objectId, string? name, IEnumerable<AppRole> roles, DateTimeOffset? now = null, TimeSpan? lifetime = null, string? audience = null)
    {
        var issuedAt = now ?? DateTimeOffset.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.EffectiveIssuer,
            Audience = audience ?? options.Audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (issuedAt + (lifetime ?? DefaultLifetime)).UtcDateTime,
            Claims = Claims(objectId, name, roles),
            SigningCredentials = _credentials,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private Dictionary<string, object> Claims(string objectId, string? name, IEnumerable<AppRole> roles)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [ApiClaims.ObjectId] = objectId,
            ["sub"] = objectId,
            ["tid"] = options.TenantId,
            ["ver"] = "2.0",
            ["azp"] = options.ClientAppId,
            // 1: the client authenticated with a secret, as partner systems and the web front end do.
            ["azpacr"] = "1",
            [ApiClaims.Roles] = roles.Select(r => r.ToString()).ToArray(),
        };
        if (name is null)
        {
            claims["idtyp"] = "app";
        }
        else
        {
            claims[ApiClaims.Name] = name;
        }

        return claims;
    }
}
