using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;

namespace InclusionCases.Functions.Organisations.UseCases;

/// <summary>
/// Ends a membership: the user's next request on this host is refused at once (the cached membership
/// is evicted), on other hosts within <see cref="Identity.CachedMembershipReader.Lifetime"/>. Never the
/// caller's own (403); a user who is not a member of the organisation is 404.
/// </summary>
public sealed class EndMembership(OrganisationService service, AuditLog audit)
{
    public async Task ExecuteAsync(Caller caller, string organisationId, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (AccessPolicy.DecideOnMembership(caller, ApiOperation.EndMembership, userId) != AccessDecision.Allowed)
        {
            throw ApiProblemException.Forbidden(ApiText.CoordinatorOwnMembership);
        }

        await audit.RecordAttemptAsync(AuditAction.MembershipEnd, $"organisations/{organisationId}/members/{userId}", null, cancellationToken);
        if (!await service.EndAsync(organisationId, userId, cancellationToken))
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundMembership);
        }
    }
}
