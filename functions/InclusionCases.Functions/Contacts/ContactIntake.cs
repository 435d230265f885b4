using InclusionCases.Domain.Contacts;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Contacts;

/// <summary>
/// Stores one queued chunk of a contact batch: checks it again (a queue is an input too), adds the
/// contacts in table transactions, links the ones naming a person to their outreach history, then
/// marks the chunk stored. Every step is idempotent, so a redelivered or re-sent chunk stores
/// nothing twice. A chunk that fails its checks throws, and after five attempts lands in the
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

        await store.AddManyAsync(contacts, cancellationToken);
        await Task.WhenAll(contacts.Select(c => store.LinkToPersonAsync(c, cancellationToken)));
        await counters.RecordContactsAsync(contacts.Select(c => c.Contact), cancellationToken);
        await retention.RecordContactsAsync(message.OrganisationId, contacts.Select(c => c.Contact), cancellationToken);

        await store.MarkChunkStoredAsync(message.OrganisationId, message.BatchId, message.Chunk, contacts.Count, cancellationToken);
    }
}
