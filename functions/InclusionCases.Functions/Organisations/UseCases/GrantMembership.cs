using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Organisations.Contracts;

namespace InclusionCases.Functions.Organisations.UseCases;

/// <summary>
/// Grants a membership, or changes the name and end of one in the same organisation. Never the
/// caller's own (403); a user who belongs to another organisation is a conflict (409): their
/// membership there is ended first, so a move is always two audited acts.
/// </summary>
public sealed class GrantMembership(OrganisationService service, AuditLog audit, TimeProvider clock)
{
    public async Task<(MemberResponse Member, bool Created)> ExecuteAsync(Caller caller, string organisationId, string userId, MemberRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (AccessPolicy.DecideOnMembership(caller, ApiOperation.GrantMembership, userId) != AccessDecision.Allowed)
        {
            throw ApiProblemException.Forbidden(ApiText.CoordinatorOwnMembership);
        }

        var errors = new FieldErrors();
        if (!OrganisationInput.IsMemberId(userId))
        {
            errors.Add("oid", ApiText.ObjectIdFormat(OrganisationInput.MaxMemberIdLength));
        }

        errors.Optional("name", request.Name, FieldErrors.MaxNameLength);
        if (request.ValidUntil is { } until && until <= clock.GetUtcNow())
        {
            errors.Add("validUntil", ApiText.MustBeFuture);
        }

        errors.ThrowIfAny();

        await audit.RecordAttemptAsync(AuditAction.MembershipGrant, $"organisations/{organisationId}/members/{userId}", null, cancellationToken);
        var (outcome, membership) = await service.GrantAsync(organisationId, userId, request.Name?.Trim(), request.ValidUntil, cancellationToken);
        return outcome switch
        {
            MembershipGrant.Granted => (MemberResponse.From(membership!), true),
            MembershipGrant.Changed => (MemberResponse.From(membership!), false),
            MembershipGrant.MemberElsewhere => throw ApiProblemException.Conflict(
                ApiText.MemberElsewhere,
                new Dictionary<string, object> { ["organisationId"] = membership!.OrganisationId }),
            _ => throw ApiProblemException.NotFound(ApiText.NotFoundOrganisation),
        };
    }
}
