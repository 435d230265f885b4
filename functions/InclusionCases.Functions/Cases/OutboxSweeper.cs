using Azure.Data.Tables;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;
using InclusionCases.Functions.Telemetry;

namespace InclusionCases.Functions.Cases;

/// <summary>
/// Finds outbox rows that are older than <see cref="Grace"/> and still there (the host died between
/// the batch and its queue message, or the message was lost) and queues their persons again for
/// the projector; notes in <see cref="Heartbeats"/> how many rows waited and since when, for the
/// operator status and the outbox-age alert. While at least <see cref="Backlog"/> messages wait on the
/// queue, a row that young is most likely waiting behind them: only rows older than
/// <see cref="BacklogGrace"/> (half the outbox-age alert's threshold) are queued again then, so a backlog is not fed a duplicate of every waiting person each minute, each costing the
/// projector a partition read. A background job, not a request path: it is the one place that
/// queries the <c>Cases</c> table across partitions, by RowKey range.
/// </summary>
public sealed class OutboxSweeper(StorageAccount storage, CaseEventPublisher events, Heartbeats heartbeats, TimeProvider clock)
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <summary>How many waiting messages make a backlog; below it, the few in flight are a busy minute's.</summary>
    public const int Backlog = 50;

    /// <summary>How long a row may wait while the queue has a backlog before its person is queued again.</summary>
    public static readonly TimeSpan BacklogGrace = TimeSpan.FromMinutes(5);

    private readonly TableClient _table = storage.Table(TableNames.Cases);

    /// <summary>Queues every person with a stale outbox row; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var before = now - (await BackloggedAsync(cancellationToken) ? BacklogGrace : Grace);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {CaseRows.OutboxKind + "|"} and RowKey lt {CaseRows.OutboxKind + "}"}");
        var stale = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? oldest = null;
        var rows = 0;
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "CreatedAt"], cancellationToken: cancellationToken))
        {
            rows++;
            // A row without its time (never written so by this code) is treated as stale and not measured.
            var createdAt = row.GetDateTimeOffset("CreatedAt");
            oldest = createdAt is { } at && (oldest is null || at < oldest) ? at : oldest;
            if (createdAt is null || createdAt <= before)
            {
                stale.Add(row.PartitionKey);
            }
        }

        foreach (var personId in stale)
        {
            await events.PublishAsync(personId, cancellationToken);
        }

        try
        {
            await heartbeats.OutboxObservedAsync(new OutboxObservation(now, oldest, rows), cancellationToken);
        }
        catch (Exception ex) when (StorageFaults.IsUnavailable(ex) || ex is Azure.RequestFailedException)
        {
            // What was seen is only a measurement: the next sweep, a minute later, records it again.
        }

        return stale.Count;
    }

    // A queue that cannot be measured is treated as short: re-queueing is what recovers from a queue outage.
    private async Task<bool> BackloggedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await events.ApproximateDepthAsync(cancellationToken) >= Backlog;
        }
        catch (Exception ex) when (StorageFaults.IsUnavailable(ex) || ex is Azure.RequestFailedException)
        {
            return false;
        }
    }
}
