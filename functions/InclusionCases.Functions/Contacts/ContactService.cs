using System.Text.Json;
using InclusionCases.Domain.Access;
using InclusionCases.Domain.Contacts;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Contacts.Contracts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Contacts;

/// <summary>
/// Street contacts from mediators: one at a time (stored at once, idempotent by the phone's contact
/// id), or a night's batch (checked at once, queued in chunks for <see cref="ContactIntake"/>).
/// Mediators read their own organisation's contacts; nobody else lists them.
/// </summary>
public sealed class ContactService(ContactStore store, ContactIntake intake, StorageAccount storage, QueueNames queues, AuditLog audit, TimeProvider clock)
{
    public const int MaxBatchSize = 500;

    /// <summary>Raw JSON per queue message; base64 makes it 4/3 larger, still well under the 64 KiB limit.</summary>
    public const int MaxChunkBytes = 32 * 1024;

    public async Task<(bool Created, ContactResponse Contact)> LogAsync(Caller caller, ContactRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var (contact, errors) = StreetContactRules.Check(request.ToDraft(), clock.GetUtcNow());
        if (contact is null)
        {
            throw ApiProblemException.Invalid(errors);
        }

        var stored = new StoredContact(contact, caller.OrganisationId, caller.Id, ContactEntities.Fingerprint(contact));
        var existing = await audit.BesideAsync(
            AuditAction.ContactLog, "contact/" + contact.Id, contact.PersonId, () => store.FingerprintAsync(caller.OrganisationId, contact.Id, cancellationToken), cancellationToken);
        var created = existing is null && await store.TryAddAsync(stored, cancellationToken);
        if (!created && (existing ?? await store.FingerprintAsync(caller.OrganisationId, contact.Id, cancellationToken)) != stored.Fingerprint)
        {
            throw ApiProblemException.Conflict("A different contact is already stored under this id.");
        }

        // Also on a re-send: the first attempt may have stored the contact and failed before this.
        await intake.RecordAsync(caller.OrganisationId, [stored], addContacts: false, cancellationToken);
        return (created, ContactResponse.From(stored));
    }

    public async Task<ContactBatchAccepted> SubmitBatchAsync(Caller caller, ContactBatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Contacts is not { Length: > 0 and <= MaxBatchSize } items)
        {
            throw ApiProblemException.Invalid("contacts", $"From 1 to {MaxBatchSize} contacts.");
        }

        var now = clock.GetUtcNow();
        var accepted = new List<ContactRequest>();
        var rejected = new List<ContactRejection>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < items.Length; index++)
        {
            var (contact, errors) = items[index] is { } item
                ? StreetContactRules.Check(item.ToDraft(), now)
                : (null, new Dictionary<string, string[]> { ["$"] = ["A contact object is required."] });
            if (contact is null)
            {
                rejected.Add(new ContactRejection(index, errors));
            }
            else if (!seen.Add(contact.Id))
            {
                rejected.Add(new ContactRejection(index, new Dictionary<string, string[]> { ["id"] = ["This id appears earlier in the batch."] }));
            }
            else
            {
                accepted.Add(ToRequest(contact));
            }
        }

        var batchId = RecordIds.NewEntryId();
        var chunks = Chunk(accepted);
        await Task.WhenAll(
            audit.RecordAttemptAsync(AuditAction.ContactBatch, "batch/" + batchId, null, cancellationToken),
            store.CreateBatchAsync(caller.OrganisationId, batchId, accepted.Count, chunks.Count, cancellationToken));
        var queue = storage.Queue(queues.ContactIntake);
        await Task.WhenAll(chunks.Select((chunk, i) =>
            queue.SendMessageAsync(QueueMessages.Serialize(new ContactIntakeMessage(batchId, caller.OrganisationId, caller.Id, i, chunk)), cancellationToken)));
        return new ContactBatchAccepted(batchId, accepted.Count, rejected);
    }

    public async Task<ContactBatchStatus> BatchStatusAsync(Caller caller, string batchId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!TableKeys.IsValid(batchId) || batchId.Length > 64)
        {
            throw ApiProblemException.Invalid("batchId", "Not a batch id.");
        }

        var batch = await store.GetBatchAsync(caller.OrganisationId, batchId, cancellationToken) ?? throw ApiProblemException.NotFound("batch");
        return new ContactBatchStatus(batch.ChunksStored >= batch.Chunks ? "completed" : "pending", batch.Stored, batch.Accepted);
    }

    public async Task<PageResponse<ContactResponse>> ListAsync(Caller caller, string? zone, DateTimeOffset? from, DateTimeOffset? to, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (items, token) = await audit.BesideAsync(
            AuditAction.ContactList, "organisation/" + caller.OrganisationId, null, () => store.ListAsync(caller.OrganisationId, zone, from, to, paging, cancellationToken), cancellationToken);
        return new PageResponse<ContactResponse>([.. items.Select(ContactResponse.From)], Paging.Encode(token));
    }

    /// <summary>The request form of a checked contact (location already rounded), as queued.</summary>
    internal static ContactRequest ToRequest(StreetContact c) => new(
        c.Id, c.ObservedAt, c.Zone, c.Location is null ? null : new LocationInput(c.Location.Lat, c.Location.Lon),
        c.PersonId, c.Alias, [.. c.Needs], [.. c.ServicesOffered], c.Notes, c.BeddedDown, c.FollowUp);

    private static List<List<ContactRequest>> Chunk(List<ContactRequest> accepted)
    {
        var chunks = new List<List<ContactRequest>>();
        var current = new List<ContactRequest>();
        var size = 0;
        foreach (var contact in accepted)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(contact, ApiJson.Options).Length;
            if (current.Count > 0 && (size + bytes > MaxChunkBytes || current.Count == ContactStore.ContactsPerTransaction * 2))
            {
                chunks.Add(current);
                current = [];
                size = 0;
            }

            current.Add(contact);
            size += bytes;
        }

        if (current.Count > 0)
        {
            chunks.Add(current);
        }

        return chunks;
    }
}
