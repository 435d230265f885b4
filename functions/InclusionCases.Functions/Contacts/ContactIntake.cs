using InclusionCases.Domain.Contacts;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Contacts;

/// <summary>
/// Stores one queued chunk of a contact batch: checks it again (a queue is an input too), adds the
/// contacts in table transactions beside their outreach links and month indexes, marks the months
/// for recounting, then marks the chunk stored. Every step is idempotent, so a redelivered or
/// re-sent chunk stores nothing twice. A chunk that fails its checks throws, and after five attempts lands in the
/// poison queue for an operator.
/// </summary>
public sealed class ContactIntake(ContactStore store, Reports.ReportCounters counters, Retention.RetentionIndex retention, TimeProvider clock)
{
    public async Task StoreAsync(ContactIntakeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!TableKeys.IsValid(message.OrganisationId) || !TableKeys.IsValid(message.BatchId) || !TableKeys.IsValid(message.MediatorId) || message.Contacts is null)
        {
            throw new FormatException("The contact-intake message lacks its batch, organisation, mediator or contacts.");
        }

        var now = clock.GetUtcNow();
        var contacts = new List<StoredContact>();
        foreach (var request in message.Contacts)
        {
            var (contact, errors) = StreetContactRules.Check(request.ToDraft(), now);
            if (contact is null)
            {
                // Names the fields only: the values may be personal data and end up in logs.
                throw new FormatException("A queued contact is not valid: " + string.Join(", ", errors.Keys) + ".");
            }

            contacts.Add(new StoredContact(contact, message.OrganisationId, message.MediatorId, ContactEntities.Fingerprint(contact)));
        }

        await RecordAsync(message.OrganisationId, contacts, addContacts: true, cancellationToken);
        await store.MarkChunkStoredAsync(message.OrganisationId, message.BatchId, message.Chunk, contacts.Count, cancellationToken);
    }

    /// <summary>
    /// Stores checked contacts (unless <paramref name="addContacts"/> is false: already added) with
    /// everything that hangs on them, in two steps of concurrent writes: the contacts (transactions),
    /// their outreach links and the month indexes of reports and retention; then the reports' recount
    /// marks, which must come after the contacts they count.
    /// </summary>
    internal async Task RecordAsync(string organisationId, IReadOnlyList<StoredContact> contacts, bool addContacts, CancellationToken cancellationToken)
    {
        var months = contacts.Select(c => MonthKeys.Of(c.Contact.ObservedAt)).Distinct().ToList();
        await Task.WhenAll(
            addContacts ? store.AddManyAsync(contacts, cancellationToken) : Task.CompletedTask,
            Task.WhenAll(contacts.Select(c => store.LinkToPersonAsync(c, cancellationToken))),
            counters.RecordContactMonthsAsync(organisationId, months, cancellationToken),
            retention.RecordContactMonthsAsync(organisationId, months, cancellationToken));
        await counters.MarkContactMonthsAsync(months, cancellationToken);
    }
}
