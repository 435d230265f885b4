using InclusionCases.Domain.Text;

namespace InclusionCases.Domain.Identity;

/// <summary>
/// Turns a validated identity and its membership row into a <see cref="Caller"/>. A valid token is
/// not enough: a user without a membership belongs to no organisation and may do nothing (403),
/// and neither may one whose membership has expired (<see cref="Membership.ValidUntil"/>) or whose
/// token carries no app role the API knows.
/// </summary>
public static class CallerResolution
{
    public static CallerResolutionResult Resolve(AuthenticatedIdentity identity, Membership? membership, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (membership is null || membership.UserId != identity.UserId)
        {
            return CallerResolutionResult.Refused(DomainText.NotAMember);
        }

        if (!membership.IsActiveAt(now))
        {
            return CallerResolutionResult.Refused(DomainText.MembershipEnded);
        }

        if (identity.Roles.Count == 0)
        {
            return CallerResolutionResult.Refused(DomainText.NoApplicationRole);
        }

        var name = string.IsNullOrWhiteSpace(identity.Name) ? membership.DisplayName : identity.Name;
        return CallerResolutionResult.Resolved(new Caller(identity.UserId, name, membership.OrganisationId, identity.Roles));
    }
}
