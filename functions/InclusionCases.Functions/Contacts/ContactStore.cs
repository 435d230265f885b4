using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InclusionCases.Functions.Contacts.Contracts;
using InclusionCases.Domain.Contacts;
using InclusionCases.Domain.Tasks;
using InclusionCases.Domain.Time;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;
using InclusionCases.Functions.Tasks;

namespace InclusionCases.Functions.Contacts;

/// <summary>
/// The street contact tables. <c>ContactIds</c>: PartitionKey = the contact id, RowKey <c>id</c>, one
/// row per contact id for the whole system (who holds it and the fingerprint of the contact stored
/// under it), written first and never changed: it decides re-send or conflict. <c>Contacts</c>,
/// PartitionKey = the mediator's organisation: <c>t|{inverted observedAt}|{contactId}</c> (the contact,
/// newest first for lists) and <c>b|{batchId}</c> (batch progress). Contacts naming a person are also
/// listed in <c>Outreach</c> (PartitionKey = person id) for the readers of that person's cases. The
/// list and outreach rows are only ever added (an existing row is left as it is), and only for a
/// contact whose id row is the caller's with the same fingerprint, so a stored contact never changes.
/// </summary>
public sealed class ContactStore(StorageAccount storage) : IContactFollowUps
{
    /// <summary>One list row per contact, at most 100 actions per table transaction.</summary>
    public const int ContactsPerTransaction = 100;

    /// <summary>The RowKey of a contact id's row in <c>ContactIds</c>.</summary>
    public const string IdRowKey = "id";

    // Id rows live in their own partitions: a chunk's are written side by side, this many at a time.
    private const int ConcurrentIdWrites = 16;

    private readonly TableClient _contacts = storage.Table(TableNames.Contacts);
    private readonly TableClient _ids = storage.Table(TableNames.ContactIds);
    private readonly TableClient _outreach = storage.Table(TableNames.Outreach);
    private readonly TableClient _persons = storage.Table(TableNames.Cases);

    /// <summary>Who holds the contact id, and the fingerprint stored under it; null when nobody does.</summary>
    public async Task<ContactIdClaim?> ReadClaimAsync(string contactId, CancellationToken cancellationToken)
    {
        var row = await _ids.GetEntityIfExistsAsync<TableEntity>(contactId, IdRowKey, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? ToClaim(e) : null;
    }

    /// <summary>
    /// Claims the contact's id for its organisation and fingerprint. Returns null when this call wrote
    /// the id row, else the claim already there (which may be this contact's own, from an earlier send).
    /// </summary>
    public async Task<ContactIdClaim?> ClaimAsync(StoredContact stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        try
        {
            await _ids.AddEntityAsync(IdRow(stored), cancellationToken);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Id rows are never deleted, so the row that refused the add is there to read.
            return await ReadClaimAsync(stored.Contact.Id, cancellationToken)
                ?? throw new InvalidOperationException("A contact id row refused an add, then could not be read.");
        }
    }

    /// <summary>
    /// <see cref="ClaimAsync"/> for many contacts (each id its own partition: concurrent point writes).
    /// The claims come back in the order of <paramref name="contacts"/>.
    /// </summary>
    public async Task<ContactIdClaim?[]> ClaimManyAsync(IReadOnlyList<StoredContact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var claims = new ContactIdClaim?[contacts.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, contacts.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentIdWrites, CancellationToken = cancellationToken },
            async (i, ct) => claims[i] = await ClaimAsync(contacts[i], ct));
        return claims;
    }

    /// <summary>The person ids among <paramref name="personIds"/> whose data was erased: one concurrent point read per person.</summary>
    public async Task<IReadOnlySet<string>> ErasedAmongAsync(IEnumerable<string?> personIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var distinct = personIds.OfType<string>().Where(TableKeys.IsValid).Distinct(StringComparer.Ordinal).ToList();
        var erased = await Task.WhenAll(distinct.Select(async id =>
        {
            // The person row of the authoritative Cases partition; only its erasure mark is read.
            var row = await _persons.GetEntityIfExistsAsync<TableEntity>(id, CaseRows.Person, select: ["ErasedAt"], cancellationToken: cancellationToken);
            return row.HasValue && row.Value?.GetDateTimeOffset("ErasedAt") is not null ? id : null;
        }));
        return erased.OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Adds the contact's list row; false when it was already there (it is left as it is).</summary>
    public async Task<bool> TryAddAsync(StoredContact stored, CancellationToken cancellationToken)
    {
        try
        {
            await _contacts.AddEntityAsync(ListRow(stored), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Adds the list rows of contacts of one organisation in transactions of <see cref="ContactsPerTransaction"/>.
    /// A transaction that meets a row already there (a re-sent batch, a redelivered chunk) is redone
    /// contact by contact, leaving the rows already there as they are. Returns how many contacts are
    /// listed (new or not).
    /// </summary>
    public async Task<int> AddManyAsync(IReadOnlyList<StoredContact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        // The transactions hold disjoint rows, so they run side by side.
        await Task.WhenAll(contacts.Chunk(ContactsPerTransaction).Select(async chunk =>
        {
            try
            {
                await _contacts.SubmitTransactionAsync(chunk.Select(c => new TableTransactionAction(TableTransactionActionType.Add, ListRow(c))), cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                foreach (var contact in chunk)
                {
                    await TryAddAsync(contact, cancellationToken);
                }
            }
        }));

        return contacts.Count;
    }

    /// <summary>
    /// The organisation's contacts observed from <paramref name="from"/> to <paramref name="to"/>, both
    /// included, newest first: one RowKey range of the organisation's partition, read page by page
    /// (for the report rollups and the retention job, which count or anonymise a month at a time).
    /// </summary>
    public async IAsyncEnumerable<StoredContact> ObservedAsync(
        string organisationId, DateTimeOffset from, DateTimeOffset to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _contacts.QueryAsync<TableEntity>(ObservedFilter(organisationId, from, to), cancellationToken: cancellationToken))
        {
            yield return ContactEntities.ToStored(row);
        }
    }

    /// <summary>
    /// Lists the contact in the person's outreach history. An add, safe to repeat: a row already there
    /// is left as it is (it may have been erased since; a repeat must not bring its words back).
    /// </summary>
    public async Task LinkToPersonAsync(StoredContact stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Contact.PersonId is { } personId)
        {
            try
            {
                await _outreach.AddEntityAsync(ContactEntities.ToEntity(stored, personId, OutreachRowKey(stored.Contact)), cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Already listed.
            }
        }
    }

    public async Task<(IReadOnlyList<StoredContact> Items, string? ContinuationToken)> ListAsync(
        string organisationId, string? zone, DateTimeOffset? from, DateTimeOffset? to, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var filter = ObservedFilter(organisationId, from, to);
        if (zone is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Zone eq {zone}");
        }

        return await PageAsync(_contacts, filter, paging, cancellationToken);
    }

    public Task<(IReadOnlyList<StoredContact> Items, string? ContinuationToken)> OutreachAsync(string personId, Paging paging, CancellationToken cancellationToken) =>
        PageAsync(_outreach, TableClient.CreateQueryFilter($"PartitionKey eq {personId}"), paging, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ContactFollowUp>> ForPersonAsync(string personId, CancellationToken cancellationToken)
    {
        var flagged = new List<ContactFollowUp>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {personId} and FollowUp eq {true}");
        await foreach (var e in _outreach.QueryAsync<TableEntity>(filter, select: ["ContactId", "ObservedAt"], cancellationToken: cancellationToken))
        {
            flagged.Add(new ContactFollowUp(e.GetString("ContactId"), PlausibleDates.DayOf(e.GetDateTimeOffset("ObservedAt")!.Value)));
        }

        return flagged;
    }

    /// <summary>Every contact naming the person (for the GDPR export and erasure).</summary>
    public async Task<IReadOnlyList<StoredContact>> AllOutreachAsync(string personId, CancellationToken cancellationToken)
    {
        var contacts = new List<StoredContact>();
        await foreach (var e in _outreach.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {personId}"), cancellationToken: cancellationToken))
        {
            contacts.Add(ContactEntities.ToStored(e));
        }

        return contacts;
    }

    /// <summary>Replaces the contact's free text (alias, notes) in the outreach history and the organisation's list.</summary>
    public async Task EraseFreeTextAsync(StoredContact stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var c = stored.Contact;
        var erased = new TableEntity
        {
            ["Alias"] = c.Alias is null ? null : Domain.Persons.Person.ErasedText,
            ["Notes"] = c.Notes is null ? null : Domain.Persons.Person.ErasedText,
        };
        if (c.PersonId is { } personId)
        {
            erased.PartitionKey = personId;
            erased.RowKey = OutreachRowKey(c);
            await UpdateIfThereAsync(_outreach, erased, cancellationToken);
        }

        // The list row's key follows from the stored contact (its id row fixed it once and for all).
        erased.PartitionKey = stored.OrganisationId;
        erased.RowKey = ListRowKey(c);
        await UpdateIfThereAsync(_contacts, erased, cancellationToken);
    }

    public async Task CreateBatchAsync(string organisationId, string batchId, int accepted, int chunks, CancellationToken cancellationToken)
    {
        var row = new TableEntity(organisationId, "b|" + batchId) { ["Accepted"] = accepted, ["Chunks"] = chunks };
        await _contacts.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Records a chunk as handled: how many of its contacts are stored (column <c>C{chunk}</c>) and which
    /// were rejected at intake (<c>R{chunk}</c>, JSON of index and field errors, no values). A merge of
    /// the chunk's own columns, so repeats and concurrent chunks never clash.
    /// </summary>
    public async Task MarkChunkStoredAsync(string organisationId, string batchId, int chunk, int stored, IReadOnlyList<ContactRejection> rejected, CancellationToken cancellationToken)
    {
        var n = chunk.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var row = new TableEntity(organisationId, "b|" + batchId)
        {
            ["C" + n] = stored,
            ["R" + n] = JsonSerializer.Serialize(rejected, ApiJson.Options),
        };
        await _contacts.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>A batch's progress: accepted contacts, chunks queued and handled, contacts stored, and the rejections at intake by index.</summary>
    public async Task<(int Accepted, int Chunks, int ChunksStored, int Stored, IReadOnlyList<ContactRejection> Rejected)?> GetBatchAsync(string organisationId, string batchId, CancellationToken cancellationToken)
    {
        var row = await _contacts.GetEntityIfExistsAsync<TableEntity>(organisationId, "b|" + batchId, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } e || e.GetInt32("Chunks") is not { } chunks)
        {
            return null;
        }

        static bool Column(string key, char kind) => key.Length > 1 && key[0] == kind && key[1..].All(char.IsAsciiDigit);
        var done = e.Keys.Where(k => Column(k, 'C')).Select(k => e.GetInt32(k) ?? 0).ToList();
        var rejected = e.Keys.Where(k => Column(k, 'R'))
            .SelectMany(k => JsonSerializer.Deserialize<ContactRejection[]>(e.GetString(k) ?? "[]", ApiJson.Options) ?? [])
            .OrderBy(r => r.Index)
            .ToList();
        return (e.GetInt32("Accepted") ?? 0, chunks, done.Count, done.Sum(), rejected);
    }

    private static async Task<(IReadOnlyList<StoredContact>, string?)> PageAsync(TableClient table, string filter, Paging paging, CancellationToken cancellationToken)
    {
        return await paging.ReadAsync(table, filter, ContactEntities.ToStored, cancellationToken);
    }

    private static string ObservedFilter(string organisationId, DateTimeOffset? from, DateTimeOffset? to)
    {
        // Newest first: "to" bounds the start of the range, "from" its end (inverted ticks).
        var start = "t|" + (to is { } t ? CaseRows.InvertedTicks(t) : string.Empty);
        var end = from is { } f ? "t|" + CaseRows.InvertedTicks(f) + "}" : "t}";
        return TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and RowKey ge {start} and RowKey lt {end}");
    }

    /// <summary>The RowKey of a contact in its organisation's list: newest first.</summary>
    internal static string ListRowKey(StreetContact contact) => "t|" + CaseRows.InvertedTicks(contact.ObservedAt) + "|" + contact.Id;

    /// <summary>The RowKey of a contact in its person's outreach history: newest first.</summary>
    internal static string OutreachRowKey(StreetContact contact) => CaseRows.InvertedTicks(contact.ObservedAt) + "|" + contact.Id;

    /// <summary>A contact's row in its organisation's list.</summary>
    internal static TableEntity ListRow(StoredContact stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return ContactEntities.ToEntity(stored, stored.OrganisationId, ListRowKey(stored.Contact));
    }

    /// <summary>A contact id's row: who holds the id and the fingerprint (no personal data beside the hash).</summary>
    internal static TableEntity IdRow(StoredContact stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new TableEntity(stored.Contact.Id, IdRowKey)
        {
            ["OrganisationId"] = stored.OrganisationId,
            ["MediatorId"] = stored.MediatorId,
            ["Fingerprint"] = stored.Fingerprint,
        };
    }

    private static ContactIdClaim ToClaim(TableEntity e) =>
        new(e.GetString("OrganisationId") ?? string.Empty, e.GetString("MediatorId") ?? string.Empty, e.GetString("Fingerprint") ?? string.Empty);

    private static async Task UpdateIfThereAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Never listed (an id held but its rows not written yet): nothing to erase there.
        }
    }
}
