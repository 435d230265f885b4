using System.Security.Claims;
using InclusionCases.Domain.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InclusionCases.Functions.Identity;

/// <summary>
/// Signs development tokens shaped like Entra ID v2 access tokens (<c>oid</c>, <c>name</c>,
/// <c>roles</c>, <c>tid</c>). Used by <c>./dev token</c> and the tests; registered only in
/// Development mode.
/// </summary>
public sealed class DevelopmentTokenIssuer(DevelopmentAuthOptions options)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    private readonly SigningCredentials _credentials = new(DevelopmentSigningKey.From(options), SecurityAlgorithms.HmacSha256);

    /// <summary>A token for a user (<paramref name="name"/> set) or an application (no name: app-only token).</summary>
    public string Issue(string objectId, string? name, IEnumerable<AppRole> roles, DateTimeOffset? now = null, TimeSpan? lifetime = null, string? audience = null)
    {
        var issuedAt = now ?? DateTimeOffset.UtcNow;
        var claims = new List<Claim>
        {
            new(ApiClaims.ObjectId, objectId),
            new("sub", objectId),
            new("tid", options.TenantId),
            new("ver", "2.0"),
        };
        claims.Add(name is null ? new Claim("idtyp", "app") : new Claim(ApiClaims.Name, name));
        claims.AddRange(roles.Select(r => new Claim(ApiClaims.Roles, r.ToString())));

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = audience ?? options.Audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (issuedAt + (lifetime ?? DefaultLifetime)).UtcDateTime,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = _credentials,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
