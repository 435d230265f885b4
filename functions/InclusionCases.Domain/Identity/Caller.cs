namespace InclusionCases.Domain.Identity;

/// <summary>
/// The authenticated caller of a request: who (the token's <c>oid</c>), which organisation (from the
/// membership table, never from the request) and which app roles.
/// </summary>
public sealed record Caller(string Id, string Name, string OrganisationId, IReadOnlySet<AppRole> Roles)
{
    public bool IsIn(AppRole role) => Roles.Contains(role);
}
