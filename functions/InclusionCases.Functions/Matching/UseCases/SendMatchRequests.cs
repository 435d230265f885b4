using InclusionCases.Domain.Matching;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Contacts;
using InclusionCases.Functions.Matching.Contracts;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Matching.UseCases;

/// <summary>
/// The holders' side of a match call, run from the <c>match-requests</c> queue, out of the caller's sight:
/// each person who matches the call and whom the caller's organisation neither sees nor has met gets a
/// match request sent to every organisation leading a case of theirs. The holder sees the caller's fields
/// and its own person; the caller sees only that its call is pending, then closed. A record split from
/// a person the caller was answered is not proposed, nor one linked to a person it sees. Safe to run again:
/// a request's id is derived from the call, the holder and the person.
/// </summary>
public sealed class SendMatchRequests(MatchIndex index, MatchRequestStore requests, PersonFileStore files, LinkedPersons linked, ContactStore contacts, AuditLog audit, TimeProvider clock)
{
    public async Task ExecuteAsync(MatchCallMessage call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        // A call answered a person since erased describes that person: it goes no further.
        foreach (var answered in call.Answered)
        {
            if ((await files.LoadAsync(answered, cancellationToken)).Person?.Value.ErasedAt is not null)
            {
                return;
            }
        }

        var query = call.Profile;
        var found = await index.FindAnyAsync(MatchIndex.SearchPartitions(query), cancellationToken);
        foreach (var personId in found.Except(call.Answered, StringComparer.Ordinal).Take(MatchPerson.MaxScored))
        {
            if (await index.ProfileAsync(personId, cancellationToken) is not { } profile || PersonMatcher.Score(query, profile) is not { IsMatch: true } score)
            {
                continue;
            }

            var file = await files.LoadAsync(personId, cancellationToken);
            var now = clock.GetUtcNow();
            if (file.Person is null || file.Person.Value.ErasedAt is not null || file.Access.SeesPerson(call.OrganisationId, now))
            {
                continue;
            }

            // A record split from one the caller was answered is another person: never proposed as that one again.
            // A record linked to one the caller sees is that person, already known to it.
            var records = await linked.OfAsync(file, cancellationToken);
            if (file.SplitFromPersonIds.Intersect(call.Answered, StringComparer.Ordinal).Any() || records.Skip(1).Any(r => r.Access.SeesPerson(call.OrganisationId, now)))
            {
                continue;
            }

            if ((await contacts.AllOutreachAsync(personId, cancellationToken)).Any(c => c.OrganisationId == call.OrganisationId))
            {
                // The caller's own mediators named this person: theirs to find by a match, not to be asked about.
                continue;
            }

            foreach (var holder in file.Access.Holders.Where(h => h != call.OrganisationId))
            {
                var id = MatchRequestIds.Incoming(call.RequestId, holder, personId);
                await requests.AddIncomingAsync(
                    holder,
                    new MatchRequestRecord(id, call.OrganisationId, call.At, call.Fields, MatchRequestStatus.Pending, personId, Math.Round(score.Score, 2), score.Reasons, null, null, null),
                    cancellationToken);
                // One entry per request, its id derived from the request's: a run repeated writes the same entry.
                await audit.WriteAsync(
                    new AuditEntry(RecordIds.DerivedEventId(call.At, id), call.At, PersonChange.SystemActor, holder, AuditAction.MatchRequestSend, "match-requests/" + id, personId, AuditOutcome.Allowed),
                    cancellationToken);
            }

            // An erasure between the check above and these writes found the pointers but not yet the rows: scrub them now.
            if ((await files.LoadAsync(personId, cancellationToken)).Person?.Value.ErasedAt is not null)
            {
                await requests.EraseFieldsAsync(personId, cancellationToken);
            }
        }
    }
}
