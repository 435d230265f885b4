using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Identity;
using InclusionCases.Tools.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InclusionCases.Tools.Tokens;

/// <summary>
/// Signs development tokens shaped like the Entra ID v2 access tokens the API gets in Azure:
/// <c>aud</c> the API's client id GUID, <c>iss</c> the tenant's v2 issuer, <c>ver</c> 2.0, <c>tid</c>,
/// <c>oid</c>/<c>sub</c>, <c>azp</c>, <c>roles</c>, <c>name</c> for users and <c>idtyp: app</c> for
/// applications, with the key the app validates development tokens with
/// (<see cref="DevelopmentAuthOptions.SigningKey"/>). Used by <c>./dev token</c>, the tests and the
/// benchmark; the app itself only validates.
/// </summary>
public sealed class DevelopmentTokenIssuer(DevelopmentAuthOptions options)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    private readonly SigningCredentials _credentials = new(DevelopmentSigningKey.From(options), SecurityAlgorithms.HmacSha256);

    /// <summary>
    /// An issuer for the app settings' development key and claims (<c>Auth:Development</c>). Refuses
    /// settings whose <c>Auth:Mode</c> is not Development: the app would accept none of its tokens.
    /// </summary>
    public static DevelopmentTokenIssuer FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var auth = new AuthOptions();
        configuration.GetSection(AuthOptions.SectionName).Bind(auth);
        if (!string.Equals(auth.Mode, AuthOptions.DevelopmentMode, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Tokens can be issued only when Auth:Mode is {AuthOptions.DevelopmentMode} (it is '{auth.Mode}').");
        }

        return new DevelopmentTokenIssuer(auth.Development);
    }

    /// <summary>A token for a demo user, or an app-only token for a demo application.</summary>
    public string IssueFor(DemoUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Issue(user.ObjectId, user.IsApplication ? null : user.DisplayName, [user.Role]);
    }

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
