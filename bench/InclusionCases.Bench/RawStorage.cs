using Azure.Data.Tables;
using Azure.Storage.Queues;
using InclusionCases.Domain.Contacts;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Contacts;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Bench;

/// <summary>The raw Azure SDK calls the API is compared with, against the same Azurite.</summary>
internal sealed class RawStorage(string connectionString, string prefix)
{
    private readonly TableClient _table = new(connectionString, prefix + "BenchRaw");
    private readonly TableClient _index = new(connectionString, prefix + TableNames.OrganisationCases);
    private readonly QueueClient _queue = new(connectionString, prefix + "-bench", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    private readonly QueueClient _intake = new(connectionString, prefix + "-bench-intake", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    private readonly TableClient _contacts = new(connectionString, prefix + "BenchRawContacts");
    private readonly TableClient _contactIds = new(connectionString, prefix + "BenchRawContactIds");

    public async Task PrepareAsync()
    {
        await _table.CreateIfNotExistsAsync();
        await _queue.CreateIfNotExistsAsync();
        await _intake.CreateIfNotExistsAsync();
        await _contacts.CreateIfNotExistsAsync();
        await _contactIds.CreateIfNotExistsAsync();
        await _table.SubmitTransactionAsync(Enumerable.Range(0, 50).Select(i => new TableTransactionAction(TableTransactionActionType.Add, Row("q", i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)))));
    }

    public Task InsertAsync(string key) => _table.AddEntityAsync(Row("p", key));

    public Task ReadAsync(string key) => _table.GetEntityAsync<TableEntity>("p", key);

    public async Task QueryAsync()
    {
        await foreach (var _ in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"q"}")))
        {
        }
    }

    /// <summary>The query "list my cases" makes, raw: the first 50 list rows of the organisation's index partition.</summary>
    public async Task QueryIndexAsync(string organisationId)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and RowKey ge {"u|"} and RowKey lt {"u}"}");
        await foreach (var _ in _index.QueryAsync<TableEntity>(filter, maxPerPage: 50).AsPages(pageSizeHint: 50))
        {
            break;
        }
    }

    public Task BatchAsync(string key) =>
        _table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(k => new TableTransactionAction(TableTransactionActionType.Add, Row("b" + key, k.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)))));

    /// <summary>
    /// The storage writes of "create case" for a new person, replayed raw: the batch (person, case,
    /// timeline entry, outbox row carrying the audit entry), then the queue message to the projector.
    /// </summary>
    public async Task ReplayCreateAsync(string key)
    {
        await _table.SubmitTransactionAsync(Enumerable.Range(0, 4).Select(k => new TableTransactionAction(TableTransactionActionType.Add, Row("r" + key, k.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        await _queue.SendMessageAsync("{\"personId\":\"" + key + "\"}");
    }

    /// <summary>
    /// The storage calls of "read case", replayed raw: the query of the person's partition (here the
    /// rows the create replay wrote) beside the three audit upserts (actor, day, person).
    /// </summary>
    public async Task ReplayReadAsync(string key)
    {
        async Task Query()
        {
            await foreach (var _ in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"r" + key} and RowKey lt {"timeline|"}")))
            {
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 3).Select(a => _table.UpsertEntityAsync(Row("audit" + a, key + "-" + Guid.NewGuid().ToString("N")))).Append(Query()));
    }

    /// <summary>
    /// The floor of any read audited beside it on this storage: a point read and one upsert, started
    /// together. Azurite serves them one after the other on its single thread; Table Storage would not.
    /// </summary>
    public Task ReadBesideWriteAsync(string key) =>
        Task.WhenAll(ReadAsync(key), _table.UpsertEntityAsync(Row("audit", key + "-" + Guid.NewGuid().ToString("N"))));

    /// <summary>
    /// The storage calls of one 500-contact batch, replayed raw without the queue trigger's polling: the
    /// batch row beside the two audit rows; the five chunk messages; then each chunk, side by side:
    /// receive a message, the chunk's id rows (one point insert per contact in its own partition, 16 at a
    /// time, as the intake claims them), then its list-row transaction (one row per contact) beside its
    /// two month rows, the recount mark and the chunk's progress, delete the message.
    /// </summary>
    public async Task ReplayIntakeAsync(string key, IReadOnlyList<object> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var observedAt = DateTimeOffset.UtcNow.AddHours(-1);
        var contacts = Enumerable.Range(0, requests.Count).Select(i => new StoredContact(
            new StreetContact(Guid.NewGuid().ToString(), observedAt, "Zone " + (i % 9), null, null, null, [Need.Food], [Need.Water], "bench", false, false),
            "bench-org-" + key, "bench-mediator", "v1:" + new string('f', 64))).ToList();
        var batch = "b|" + key;
        var chunks = contacts.Chunk(ContactStore.ContactsPerTransaction).ToList();
        await Task.WhenAll(
            _contacts.UpsertEntityAsync(new TableEntity("bench-org-" + key, batch) { ["Accepted"] = contacts.Count, ["Chunks"] = chunks.Count }),
            _table.UpsertEntityAsync(Row("audit0", key + "-" + Guid.NewGuid().ToString("N"))),
            _table.UpsertEntityAsync(Row("audit1", key + "-" + Guid.NewGuid().ToString("N"))));
        var bodies = requests.Chunk(ContactStore.ContactsPerTransaction).ToList();
        await Task.WhenAll(bodies.Select(body => _intake.SendMessageAsync(System.Text.Json.JsonSerializer.Serialize(body))));
        await Task.WhenAll(chunks.Select(async (chunk, i) =>
        {
            // Held long enough for a chunk's claims under load: the default 30 s lease let another replay take it.
            // The claims are upserted: the same calls as the app's, without its answer to an SDK retry that landed.
            var message = (await _intake.ReceiveMessageAsync(TimeSpan.FromMinutes(5))).Value;
            await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, ct) => await _contactIds.UpsertEntityAsync(ContactStore.IdRow(c), TableUpdateMode.Replace, ct));
            await Task.WhenAll(chunk.Chunk(ContactStore.ContactsPerTransaction).Select(Task (t) => _contacts.SubmitTransactionAsync(t.Select(c => new TableTransactionAction(TableTransactionActionType.Add, ContactStore.ListRow(c)))))
                .Append(_table.UpsertEntityAsync(Row("month-report", key)))
                .Append(_table.UpsertEntityAsync(Row("month-retention", key))));
            await _table.UpsertEntityAsync(Row("month-dirty", key));
            await _contacts.UpsertEntityAsync(new TableEntity("bench-org-" + key, batch) { ["C" + i] = chunk.Length }, TableUpdateMode.Merge);
            try
            {
                await _intake.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            catch (Azure.RequestFailedException ex) when (ex.Status is 400 or 404)
            {
                // Received again by another replay after an Azurite stall outlasted the lease: it was replayed, which is what is measured.
            }
        }));
    }

    /// <summary>Writes list rows for cases <paramref name="from"/> to <paramref name="to"/> in the organisation's index partition, 100 per transaction.</summary>
    public async Task SeedIndexAsync(string organisationId, int from, int to)
    {
        var now = DateTimeOffset.UtcNow;
        var chunks = Enumerable.Range(from, to - from).Chunk(100).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, ct) =>
            await _index.SubmitTransactionAsync(chunk.Select(n =>
            {
                var at = now.AddSeconds(-n);
                var caseId = $"pbench{n:D11}-cbench{n % 100000:D5}";
                return new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(organisationId, "u|" + CaseRows.InvertedTicks(at) + "|" + caseId)
                {
                    ["CaseId"] = caseId, ["PersonId"] = "pbench", ["Type"] = "HousingFirst", ["Status"] = "Active", ["LeadOrganisationId"] = organisationId,
                    ["AssignedWorkerId"] = null, ["CreatedAt"] = at, ["UpdatedAt"] = at, ["Version"] = 1L, ["AsLead"] = true,
                });
            }), ct));
    }

    private static TableEntity Row(string partition, string key) => new(partition, key) { ["Value"] = "bench payload of a typical small entity", ["At"] = DateTimeOffset.UtcNow };
}
