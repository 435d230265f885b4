using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Matching.Contracts;

namespace InclusionCases.Functions.Matching.UseCases;

/// <summary>The caller's organisation's match requests, newest first: its own calls (pending or closed only), or those sent to it as a holder.</summary>
public sealed class ListMatchRequests(MatchRequestStore store, AuditLog audit, TimeProvider clock)
{
    public async Task<PageResponse<MatchRequestResponse>> ExecuteAsync(Caller caller, MatchRequestDirection direction, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (items, token) = await audit.BesideAsync(
            AuditAction.MatchRequestList, "organisation/" + caller.OrganisationId, null, () => store.PageAsync(caller.OrganisationId, direction, paging, cancellationToken), cancellationToken);
        var now = clock.GetUtcNow();
        return new([.. items.Select(r => direction == MatchRequestDirection.Incoming ? r.AsIncoming(now) : r.AsOutgoing(now))], Paging.Encode(token));
    }
}
