using InclusionCases.Domain.Identity;

namespace InclusionCases.Functions.CallerProfile;

/// <summary>The caller as the API sees it.</summary>
/// <param name="Id">The caller's object id (the token's <c>oid</c>).</param>
/// <param name="Name">The caller's display name.</param>
/// <param name="OrganisationId">The organisation the caller acts for, from the membership table.</param>
/// <param name="Roles">The caller's app roles, as in the token.</param>
public sealed record MeResponse(string Id, string Name, string OrganisationId, IReadOnlyList<string> Roles)
{
    public static MeResponse From(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new(caller.Id, caller.Name, caller.OrganisationId, [.. caller.Roles.Order().Select(r => r.ToString())]);
    }
}
