using Azure.Data.Tables;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Cases;

/// <summary>
/// Finds outbox rows that are older than <see cref="Grace"/> and still there (the host died between
/// the batch and its queue message, or the message was lost) and queues their persons again for
/// the projector. A background job, not a request path: it is the one place that queries the
/// <c>Cases</c> table across partitions, by RowKey range.
/// </summary>
public sealed class OutboxSweeper(StorageAccount storage, CaseEventPublisher events, TimeProvider clock)
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private readonly TableClient _table = storage.Table(TableNames.Cases);

    /// <summary>Queues every person with a stale outbox row; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - Grace;
        var filter = TableClient.CreateQueryFilter($"RowKey ge {CaseRows.OutboxKind + "|"} and RowKey lt {CaseRows.OutboxKind + "}"} and CreatedAt le {before}");
        var persons = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            persons.Add(row.PartitionKey);
        }

        foreach (var personId in persons)
        {
            await events.PublishAsync(personId, cancellationToken);
        }

        return persons.Count;
    }
}
