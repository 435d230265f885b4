using System.Text.Json;
using InclusionCases.Domain.Access;
using InclusionCases.Domain.Contacts;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Contacts.Contracts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
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

    /// <summary>
    /// Logs one contact at once: 201 when new; the stored contact again (200) when the same organisation
    /// sends the same contact again; 409 when the id holds anything else (whoever sends it); 410 when
    /// it names an erased person. A refusal changes nothing and is audited as denied.
    /// </summary>
    public async Task<(bool Created, ContactResponse Contact)> LogAsync(Caller caller, ContactRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var (contact, errors) = StreetContactRules.Check(request.ToDraft(), clock.GetUtcNow());
        if (contact is null)
        {
            throw ApiProblemException.Invalid(errors);
        }

        var stored = new StoredContact(contact, caller.OrganisationId, caller.Id, ContactFingerprint.Compute(contact));
        var (claim, erased) = await audit.BesideAsync(
            AuditAction.ContactLog,
            "contact/" + contact.Id,
            contact.PersonId,
            async () =>
            {
                var claimed = store.ReadClaimAsync(contact.Id, cancellationToken);
                var erasedPersons = store.ErasedAmongAsync([contact.PersonId], cancellationToken);
                await Task.WhenAll(claimed, erasedPersons);
                return (Claim: await claimed, Erased: (await erasedPersons).Count > 0);
            },
            cancellationToken);
        if (erased)
        {
            throw new ApiProblemException(ProblemTypes.Erased, ApiText.PersonErasedNoContact);
        }

        var outcome = ContactIdRule.Decide(claim, caller.OrganisationId, contact);
        if (outcome == ContactIdOutcome.New && await store.ClaimAsync(stored, cancellationToken) is { } raced)
        {
            // Another send of this id got there between the read and the write.
            (claim, outcome) = (raced, ContactIdRule.Decide(raced, caller.OrganisationId, contact));
        }

        if (outcome == ContactIdOutcome.Conflict)
        {
            // The same words for every caller and every difference: the holder and the content stay unknown.
            throw ApiProblemException.Conflict(ApiText.ContactIdUsed);
        }

        // The first sender stays the contact's mediator. Rows are added, never replaced, and also on a
        // re-send: the first attempt may have claimed the id and failed before this.
        var kept = claim is null ? stored : stored with { MediatorId = claim.MediatorId };
        await intake.RecordAsync(caller.OrganisationId, [kept], cancellationToken);
        return (outcome == ContactIdOutcome.New, ContactResponse.From(kept));
    }

    /// <summary>
    /// Accepts a batch: each item is read and checked on its own (with the batch age limit, which keeps
    /// a margin for the queue), contacts naming erased persons and repeated ids are rejected by index,
    /// and the rest are queued in chunks for <see cref="ContactIntake"/>. Id conflicts with stored
    /// contacts are found at intake and reported in the batch status.
    /// </summary>
    public async Task<ContactBatchAccepted> SubmitBatchAsync(Caller caller, ContactBatchBody request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Contacts is not { Length: > 0 and <= MaxBatchSize } items)
        {
            throw ApiProblemException.Invalid("contacts", ApiText.BatchSize(MaxBatchSize));
        }

        var now = clock.GetUtcNow();
        var rejected = new List<ContactRejection>();
        var valid = new List<(int Index, StreetContact Contact, string Fingerprint)>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < items.Length; index++)
        {
            var (item, readErrors) = ContactJson.ReadItem<ContactRequest>(items[index]);
            var (contact, errors) = item is null ? (null, readErrors) : StreetContactRules.Check(item.ToDraft(), now, StreetContactRules.BatchMaxAge);
            if (contact is null)
            {
                rejected.Add(ContactRejection.Of(index, errors));
                continue;
            }

            var fingerprint = ContactFingerprint.Compute(contact);
            if (seen.TryGetValue(contact.Id, out var earlier))
            {
                rejected.Add(earlier == fingerprint ? ContactRejection.Of(index, ContactJson.Error("id", ApiText.ContactEarlierInBatch)) : ContactRejection.Code(index, "id", "conflict"));
                continue;
            }

            seen[contact.Id] = fingerprint;
            valid.Add((index, contact, fingerprint));
        }

        // One point read per person named; the intake checks again, as an erasure may come meanwhile.
        var erased = await store.ErasedAmongAsync(valid.Select(v => v.Contact.PersonId), cancellationToken);
        var accepted = new List<CheckedContact>();
        foreach (var (index, contact, fingerprint) in valid)
        {
            if (contact.PersonId is { } personId && erased.Contains(personId))
            {
                rejected.Add(ContactRejection.Code(index, "personId", "erased"));
            }
            else
            {
                accepted.Add(CheckedContact.From(index, contact, fingerprint));
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
        return new ContactBatchAccepted(batchId, accepted.Count, [.. rejected.OrderBy(r => r.Index)]);
    }

    /// <summary>A batch's progress, with the contacts rejected at intake.</summary>
    public async Task<ContactBatchStatus> BatchStatusAsync(Caller caller, string batchId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!TableKeys.IsValid(batchId) || batchId.Length > 64)
        {
            throw ApiProblemException.Invalid("batchId", ApiText.NotABatchId);
        }

        var batch = await store.GetBatchAsync(caller.OrganisationId, batchId, cancellationToken) ?? throw ApiProblemException.NotFound(ApiText.NotFoundBatch);
        return new ContactBatchStatus(batch.ChunksStored >= batch.Chunks ? "completed" : "pending", batch.Stored, batch.Accepted, batch.Rejected);
    }

    public async Task<PageResponse<ContactResponse>> ListAsync(Caller caller, string? zone, DateTimeOffset? from, DateTimeOffset? to, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (items, token) = await audit.BesideAsync(
            AuditAction.ContactList, "organisation/" + caller.OrganisationId, null, () => store.ListAsync(caller.OrganisationId, zone, from, to, paging, cancellationToken), cancellationToken);
        return new PageResponse<ContactResponse>([.. items.Select(ContactResponse.From)], Paging.Encode(token));
    }

    /// <summary>Splits the accepted contacts into queue messages of at most <see cref="MaxChunkBytes"/> of JSON and <see cref="ContactStore.ContactsPerTransaction"/> contacts.</summary>
    private static List<List<CheckedContact>> Chunk(List<CheckedContact> accepted)
    {
        var chunks = new List<List<CheckedContact>>();
        var current = new List<CheckedContact>();
        var size = 0;
        foreach (var contact in accepted)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(contact, ApiJson.Options).Length;
            if (current.Count > 0 && (size + bytes > MaxChunkBytes || current.Count == ContactStore.ContactsPerTransaction))
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
