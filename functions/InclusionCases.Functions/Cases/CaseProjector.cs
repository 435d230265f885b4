using InclusionCases.Domain.Access;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Referrals;

namespace InclusionCases.Functions.Cases;

/// <summary>
/// Brings the indexes in line with a person's authoritative partition: each case is listed for its
/// lead and for the participants whose consent covers them, and removed from organisations that
/// no longer see it; referrals are listed for both organisations. It re-derives everything from the
/// current state rather than replaying events, so running it twice, late or out of order converges
/// to the same indexes. Writes that carry their audit entry in the outbox row (a case opened for a
/// new person) have it written to the audit log here, and the webhook events a change carries are handed
/// to the subscriptions (<see cref="Webhooks.WebhookFanOut"/>); the match index and the breakdowns' facts follow the person
/// (<see cref="Matching.MatchIndexProjection"/>, <see cref="Reports.BreakdownFacts"/>), the person's linked records and street contacts read once for all. The outbox rows it saw are deleted last.
/// </summary>
public sealed class CaseProjector(
    PersonFileStore store, OrganisationCaseIndex cases, Audit.AuditLog audit, ReferralIndex referrals, Tasks.TaskProjection tasks, Reports.ReportCounters counters, Reports.BreakdownFacts breakdowns, Retention.RetentionIndex retention, Webhooks.WebhookFanOut webhooks, Matching.MatchIndexProjection matching, LinkedPersons linked, Contacts.ContactStore contacts, Telemetry.OperationalMetrics metrics, TimeProvider clock)
{
    public async Task ProjectAsync(string personId, CancellationToken cancellationToken)
    {
        var partition = await store.LoadAsync(personId, cancellationToken);
        if (partition.OutboxRowKeys.Count == 0)
        {
            // Every change writes an outbox row in its batch, and rows go only once projected: nothing is
            // left to do. Duplicate messages (a sweep during a backlog re-queues persons still waiting)
            // then cost one read each, instead of a projection each, which made backlogs grow.
            return;
        }

        var now = clock.GetUtcNow();
        var access = partition.Access;
        var seeingAny = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stored in partition.Cases)
        {
            var c = stored.Value;
            var seeing = access.Seeing(access.Case(c.Id)!, now);
            seeingAny.UnionWith(seeing);
            foreach (var organisationId in seeing)
            {
                await cases.UpsertAsync(organisationId, c, organisationId == c.LeadOrganisationId, cancellationToken);
            }

            var before = partition.IndexedOrganisations.GetValueOrDefault(c.Id) ?? [];
            foreach (var organisationId in before.Except(seeing))
            {
                await cases.RemoveAsync(organisationId, c.Id, cancellationToken);
            }

            await TellWhoStoppedSeeingAsync(partition, c.Id, before.Except(seeing), now, cancellationToken);

            await counters.RecordCaseAsync(c, cancellationToken);
            await retention.RecordClosedAsync(c, cancellationToken);
            if (!before.Order().SequenceEqual(seeing.Order()))
            {
                await store.SetIndexedOrganisationsAsync(personId, c.Id, seeing, cancellationToken);
            }
        }

        foreach (var referral in partition.Referrals)
        {
            await referrals.UpsertAsync(referral.Value, cancellationToken);
        }

        var records = await linked.OfAsync(partition, cancellationToken);
        var met = partition.Person?.Value is { ErasedAt: null } ? await contacts.AllOutreachAsync(personId, cancellationToken) : [];
        await tasks.ProjectAsync(records, now, cancellationToken);
        await matching.ProjectAsync(partition, seeingAny, met, cancellationToken);
        await breakdowns.ProjectAsync(records, met, cancellationToken);

        // Before the outbox rows go, so a committed change's events are never lost (a re-run finds them queued).
        await webhooks.FanOutAsync(partition.OutboxEvents, cancellationToken);

        // Same id and time on every run, so the rows are the same however often this repeats.
        await Task.WhenAll(partition.OutboxAudit.Select(entry => audit.WriteAsync(entry, cancellationToken)));
        await store.DeleteOutboxAsync(personId, partition.OutboxRowKeys, cancellationToken);
        if (partition.OldestOutboxAt is { } committedAt)
        {
            metrics.Projected(clock.GetUtcNow() - committedAt);
        }
    }

    // An organisation that stopped seeing a case with no change saying so (its consent ran out, a referral
    // was completed) is told case.participationEnded here, where the loss is noticed; one a change already
    // told (a revocation, the lead ending its part) is not told twice. The event's id and time come from
    // the outbox rows this run saw, so a run repeated after a failure makes the same event, told once.
    private async Task TellWhoStoppedSeeingAsync(PersonPartition partition, string caseId, IEnumerable<string> lost, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var told = partition.OutboxEvents.Where(e => e.Type == WebhookEventTypes.CaseParticipationEnded && e.CaseId == caseId).Select(e => e.OrganisationId).ToHashSet(StringComparer.Ordinal);
        var at = partition.OldestOutboxAt ?? now;
        var basis = partition.OutboxRowKeys.Min(StringComparer.Ordinal);
        var events = lost.Where(o => !told.Contains(o))
            .Select(o => new WebhookEvent(RecordIds.DerivedEventId(at, $"{partition.PersonId}|{caseId}|{o}|{basis}"), WebhookEventTypes.CaseParticipationEnded, o, partition.PersonId, caseId, at))
            .ToList();
        await webhooks.FanOutAsync(events, cancellationToken);
    }
}
