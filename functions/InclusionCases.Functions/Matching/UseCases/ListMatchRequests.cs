using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Matching.Contracts;

namespace InclusionCases.Functions.Matching.UseCases;

/// <summary>
/// The caller's organisation's match requests, newest first: its own calls (pending or closed only), or
/// those sent to it as a holder. Incoming requests name the holder's person and why it matched: case-file
/// data, so for SocialWorkers and Partners only; a Mediator lists its organisation's outgoing calls.
/// </summary>
public sealed class ListMatchRequests(MatchRequestStore store, AuditLog audit, TimeProvider clock)
{
    public async Task<PageResponse<MatchRequestResponse>> ExecuteAsync(Caller caller, MatchRequestDirection direction, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (direction == MatchRequestDirection.Incoming && !caller.IsIn(AppRole.SocialWorker) && !caller.IsIn(AppRole.Partner))
        {
            throw ApiProblemException.Forbidden(ApiText.RoleMayNotDoThis);
        }

        var (items, token) = await audit.BesideAsync(
            AuditAction.MatchRequestList, "organisation/" + caller.OrganisationId, null, () => store.PageAsync(caller.OrganisationId, direction, paging, cancellationToken), cancellationToken);
        var now = clock.GetUtcNow();
        return new([.. items.Select(r => direction == MatchRequestDirection.Incoming ? r.AsIncoming(now) : r.AsOutgoing(now))], Paging.Encode(token));
    }
}
