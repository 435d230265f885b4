using Azure.Data.Tables;
using InclusionCases.Domain.Contacts;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Contacts;

/// <summary>
/// The <c>Contacts</c> table, PartitionKey = the mediator's organisation: <c>c|{contactId}</c> (the
/// idempotency row: one per contact id, with the content's fingerprint), <c>t|{inverted
/// observedAt}|{contactId}</c> (the contact, newest first for lists) and <c>b|{batchId}</c> (batch
/// progress). A contact's two rows are added in one batch, so a contact id is stored at most once
/// however often it is sent. Contacts naming a person are also listed in <c>Outreach</c>
/// (PartitionKey = person id) for the readers of that person's cases.
/// </summary>
public sealed class ContactStore(StorageAccount storage)
{
    /// <summary>Two rows per contact, at most 100 actions per table transaction.</summary>
    public const int ContactsPerTransaction = 50;

    private readonly TableClient _contacts = storage.Table(TableNames.Contacts);
    private readonly TableClient _outreach = storage.Table(TableNames.Outreach);

    /// <summary>The fingerprint of the contact stored under this id, or null when none is.</summary>
    public async Task<string?> FingerprintAsync(string organisationId, string contactId, CancellationToken cancellationToken)
    {
        var guard = await _contacts.GetEntityIfExistsAsync<TableEntity>(organisationId, "c|" + contactId, cancellationToken: cancellationToken);
        return guard.HasValue ? guard.Value?.GetString("Fingerprint") : null;
    }

    /// <summary>Adds one contact; false when its id is already stored (nothing is changed then).</summary>
    public async Task<bool> TryAddAsync(StoredContact stored, CancellationToken cancellationToken)
    {
        try
        {
            await _contacts.SubmitTransactionAsync(Rows(stored), cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Adds contacts of one organisation in transactions of <see cref="ContactsPerTransaction"/>. A
    /// transaction that meets an id already stored (a re-sent batch) is redone contact by contact,
    /// skipping the ones stored before. Returns how many contacts are stored (new or not).
    /// </summary>
    public async Task<int> AddManyAsync(IReadOnlyList<StoredContact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        // The transactions hold disjoint rows, so they run side by side.
        await Task.WhenAll(contacts.Chunk(ContactsPerTransaction).Select(async chunk =>
        {
            try
            {
                await _contacts.SubmitTransactionAsync(chunk.SelectMany(Rows), cancellationToken);
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

    /// <summary>Lists the contact in the person's outreach history; an upsert, so safe to repeat.</summary>
    public async Task LinkToPersonAsync(StoredContact stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Contact.PersonId is { } personId)
        {
            var row = ContactEntities.ToEntity(stored, personId, CaseRows.InvertedTicks(stored.Contact.ObservedAt) + "|" + stored.Contact.Id);
            await _outreach.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
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
            erased.RowKey = CaseRows.InvertedTicks(c.ObservedAt) + "|" + c.Id;
            await _outreach.UpdateEntityAsync(erased, Azure.ETag.All, TableUpdateMode.Merge, cancellationToken);
        }

        var guard = await _contacts.GetEntityIfExistsAsync<TableEntity>(stored.OrganisationId, "c|" + c.Id, cancellationToken: cancellationToken);
        if (guard.HasValue && guard.Value?.GetString("ListRowKey") is { } listKey)
        {
            erased.PartitionKey = stored.OrganisationId;
            erased.RowKey = listKey;
            await _contacts.UpdateEntityAsync(erased, Azure.ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
    }

    public async Task CreateBatchAsync(string organisationId, string batchId, int accepted, int chunks, CancellationToken cancellationToken)
    {
        var row = new TableEntity(organisationId, "b|" + batchId) { ["Accepted"] = accepted, ["Chunks"] = chunks };
        await _contacts.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Records a chunk as stored: a merge of its own column, so repeats and concurrent chunks never clash.</summary>
    public async Task MarkChunkStoredAsync(string organisationId, string batchId, int chunk, int stored, CancellationToken cancellationToken)
    {
        var row = new TableEntity(organisationId, "b|" + batchId) { ["C" + chunk.ToString(System.Globalization.CultureInfo.InvariantCulture)] = stored };
        await _contacts.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<(int Accepted, int Chunks, int ChunksStored, int Stored)?> GetBatchAsync(string organisationId, string batchId, CancellationToken cancellationToken)
    {
        var row = await _contacts.GetEntityIfExistsAsync<TableEntity>(organisationId, "b|" + batchId, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } e || e.GetInt32("Chunks") is not { } chunks)
        {
            return null;
        }

        var done = e.Keys.Where(k => k.Length > 1 && k[0] == 'C' && char.IsAsciiDigit(k[1])).Select(k => e.GetInt32(k) ?? 0).ToList();
        return (e.GetInt32("Accepted") ?? 0, chunks, done.Count, done.Sum());
    }

    private static async Task<(IReadOnlyList<StoredContact>, string?)> PageAsync(TableClient table, string filter, Paging paging, CancellationToken cancellationToken)
    {
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: paging.Limit, cancellationToken: cancellationToken).AsPages(paging.ContinuationToken, paging.Limit))
        {
            return ([.. page.Values.Select(ContactEntities.ToStored)], page.ContinuationToken);
        }

        return ([], null);
    }

    private static string ObservedFilter(string organisationId, DateTimeOffset? from, DateTimeOffset? to)
    {
        // Newest first: "to" bounds the start of the range, "from" its end (inverted ticks).
        var start = "t|" + (to is { } t ? CaseRows.InvertedTicks(t) : string.Empty);
        var end = from is { } f ? "t|" + CaseRows.InvertedTicks(f) + "}" : "t}";
        return TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and RowKey ge {start} and RowKey lt {end}");
    }

    /// <summary>A contact's two rows: the idempotency row (fingerprint, list key) and the list row.</summary>
    internal static TableTransactionAction[] Rows(StoredContact stored)
    {
        var listKey = "t|" + CaseRows.InvertedTicks(stored.Contact.ObservedAt) + "|" + stored.Contact.Id;
        var guard = new TableEntity(stored.OrganisationId, "c|" + stored.Contact.Id) { ["Fingerprint"] = stored.Fingerprint, ["ListRowKey"] = listKey };
        return
        [
            new(TableTransactionActionType.Add, guard),
            new(TableTransactionActionType.Add, ContactEntities.ToEntity(stored, stored.OrganisationId, listKey)),
        ];
    }
}
