namespace InclusionCases.Domain.Identity;

/// <summary>
/// What a validated token says about its bearer, before the membership table is consulted:
/// the <c>oid</c>, <c>name</c> and <c>roles</c> claims. Role names the API does not know are kept
/// out, so a typo in an app registration cannot grant anything.
/// </summary>
public sealed record AuthenticatedIdentity(string UserId, string? Name, IReadOnlySet<AppRole> Roles);
