using InclusionCases.Domain.Contacts;
using InclusionCases.Functions.Contacts.Contracts;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Contacts;

/// <summary>
/// Stores one queued chunk of a contact batch. Each contact is checked again (a queue is an input too,
/// and time has passed: the true age limit applies now), its person must not be erased, and its id
/// must be free or already this organisation's with the same fingerprint. A contact that fails is
/// recorded as rejected in the batch status, by its index in the batch; its neighbours are stored.
/// Only a message that is not a chunk at all (no batch, organisation, mediator or contact list) throws,
/// and after five attempts lands in the poison queue for an operator. Every step is idempotent, so a
/// redelivered or re-sent chunk stores nothing twice.
/// </summary>
public sealed class ContactIntake(ContactStore store, PersonFileWriter files, Reports.ReportCounters counters, Reports.BreakdownFacts breakdowns, Retention.RetentionIndex retention, TimeProvider clock)
{
    /// <summary>What a contact tells the file of the person it names, so the projector plans tasks and indexes aliases and zones again.</summary>
    public const string NamedEventKind = "contact.named";

    /// <summary>Stores the chunk in <paramref name="text"/> (a <see cref="ContactIntakeMessage"/>).</summary>
    public async Task StoreAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (message, unreadable) = ContactIntakeMessage.Read(text);
        var rejected = unreadable.Select(u => ContactRejection.Of(u.Index, u.Errors)).ToList();

        var now = clock.GetUtcNow();
        var checkedContacts = new List<(int Index, StoredContact Stored, string? Queued)>();
        foreach (var queued in message.Contacts)
        {
            var (contact, errors) = StreetContactRules.Check(queued.ToDraft(), now);
            if (contact is null)
            {
                rejected.Add(ContactRejection.Of(queued.Index!.Value, errors));
            }
            else
            {
                checkedContacts.Add((queued.Index!.Value, new StoredContact(contact, message.OrganisationId, message.MediatorId, ContactFingerprint.Compute(contact)), queued.Fingerprint));
            }
        }

        // The person may have been erased since the batch was accepted. Checked before the fingerprint:
        // an erasure rewrites the free text of queued contacts, so theirs no longer match.
        var erased = await store.ErasedAmongAsync(checkedContacts.Select(c => c.Stored.Contact.PersonId), cancellationToken);
        var candidates = new List<(int Index, StoredContact Stored)>();
        foreach (var (index, stored, queuedFingerprint) in checkedContacts)
        {
            if (stored.Contact.PersonId is { } personId && erased.Contains(personId))
            {
                rejected.Add(ContactRejection.Code(index, "personId", "erased"));
            }
            else if (queuedFingerprint is not null && !ContactFingerprint.Matches(queuedFingerprint, stored.Contact))
            {
                // Changed since it was accepted (e.g. by hand in a replay): not what the phone sent.
                rejected.Add(ContactRejection.Of(index, ContactJson.Error("fingerprint", ApiText.FingerprintMismatch)));
            }
            else
            {
                candidates.Add((index, stored));
            }
        }

        var claims = await store.ClaimManyAsync([.. candidates.Select(c => c.Stored)], cancellationToken);
        var toStore = new List<StoredContact>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var (index, stored) = candidates[i];
            switch (ContactIdRule.Decide(claims[i], message.OrganisationId, stored.Contact))
            {
                case ContactIdOutcome.Conflict:
                    rejected.Add(ContactRejection.Code(index, "id", "conflict"));
                    break;
                default:
                    // New (claimed just now) or Same (claimed by an earlier send): the first sender stays its mediator.
                    toStore.Add(claims[i] is { } claim ? stored with { MediatorId = claim.MediatorId } : stored);
                    break;
            }
        }

        await RecordAsync(message.OrganisationId, toStore, cancellationToken);
        await store.MarkChunkStoredAsync(message.OrganisationId, message.BatchId, message.Chunk, toStore.Count, [.. rejected.OrderBy(r => r.Index)], cancellationToken);
    }

    /// <summary>
    /// Stores contacts whose ids are held by their organisation with everything that hangs on them, in
    /// two steps of concurrent writes: the list rows (transactions; rows already there are left as they
    /// are), their outreach links, the month indexes of reports and retention and the breakdowns' count of
    /// contacts naming no person; then what must come
    /// after them: the reports' recount marks, and a note in the file of each person a contact names, so
    /// the projector opens a follow-up task for a flagged one and finds the person by the contact's alias.
    /// </summary>
    internal async Task RecordAsync(string organisationId, IReadOnlyList<StoredContact> contacts, CancellationToken cancellationToken)
    {
        if (contacts.Count == 0)
        {
            return;
        }

        var months = contacts.Select(c => MonthKeys.Of(c.Contact.ObservedAt)).Distinct().ToList();
        await Task.WhenAll(
            store.AddManyAsync(contacts, cancellationToken),
            Task.WhenAll(contacts.Select(c => store.LinkToPersonAsync(c, cancellationToken))),
            counters.RecordContactMonthsAsync(organisationId, months, cancellationToken),
            breakdowns.RecordUnlinkedAsync(contacts, cancellationToken),
            retention.RecordContactMonthsAsync(organisationId, months, cancellationToken));
        var named = contacts.Select(c => c.Contact.PersonId).OfType<string>().Distinct(StringComparer.Ordinal);
        await Task.WhenAll([
            counters.MarkContactMonthsAsync(months, cancellationToken),
            .. named.Select(personId => files.NoteOutsideChangeAsync(personId, NamedEventKind, cancellationToken))]);
    }
}
