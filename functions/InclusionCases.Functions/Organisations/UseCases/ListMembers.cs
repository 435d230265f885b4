using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Organisations.Contracts;

namespace InclusionCases.Functions.Organisations.UseCases;

/// <summary>
/// An organisation's members by oid, from its index partition: for Coordinators, and for the
/// organisation's own SocialWorkers (<see cref="AccessPolicy.DecideOnMembers"/>).
/// </summary>
public sealed class ListMembers(OrganisationRepository organisations, MembershipRepository memberships, AuditLog audit)
{
    public async Task<PageResponse<MemberResponse>> ExecuteAsync(Caller caller, string organisationId, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (AccessPolicy.DecideOnMembers(caller, organisationId) != AccessDecision.Allowed)
        {
            throw ApiProblemException.Forbidden(ApiText.MembersVisibility);
        }

        var (organisation, (items, token)) = await audit.BesideAsync(
            AuditAction.MembershipList,
            $"organisations/{organisationId}/members",
            null,
            async () => (await organisations.FindAsync(organisationId, cancellationToken), await memberships.ListAsync(organisationId, paging, cancellationToken)),
            cancellationToken);
        if (organisation is null)
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundOrganisation);
        }

        return new PageResponse<MemberResponse>([.. items.Select(MemberResponse.From)], Paging.Encode(token));
    }
}
