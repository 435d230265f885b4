using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Matching.Contracts;

namespace InclusionCases.Functions.Matching.UseCases;

/// <summary>The holder answers that it will not refer: the request is closed on its side; the requester still sees it pending until its window ends, as for any other call.</summary>
public sealed class DismissMatchRequest(MatchRequestStore store, AuditLog audit, TimeProvider clock)
{
    public async Task<MatchRequestResponse> ExecuteAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow();
        var (request, etag) = await AnsweredMatchRequest.OpenAsync(store, caller, id, now, cancellationToken);
        await audit.RecordAttemptAsync(AuditAction.MatchRequestDismiss, "match-requests/" + id, request.PersonId, cancellationToken);
        var dismissed = request with { Status = MatchRequestStatus.Dismissed, AnsweredBy = caller.Id, AnsweredAt = now };
        await store.AnswerAsync(caller.OrganisationId, dismissed, etag, cancellationToken);
        return dismissed.AsIncoming(now);
    }
}
