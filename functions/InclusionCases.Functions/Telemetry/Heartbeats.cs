using Azure;
using Azure.Data.Tables;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Telemetry;

/// <summary>
/// What background work last reported, kept in storage so every instance (and the operator status
/// route) sees the same: each timer's last success and failure (PartitionKey <c>timer</c>, RowKey = the
/// function's name) and the outbox sweeper's last look at the outbox (PartitionKey <c>outbox</c>).
/// Reading it is one partition query, never a scan.
/// </summary>
public sealed class Heartbeats(StorageAccount storage)
{
    private const string TimerPartition = "timer";
    private const string OutboxPartition = "outbox";
    private const string OutboxRow = "oldest";

    private readonly TableClient _table = storage.Table(TableNames.Heartbeats);

    public Task TimerSucceededAsync(string timer, DateTimeOffset at, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(TimerPartition, timer) { ["LastSuccess"] = at }, TableUpdateMode.Merge, cancellationToken);

    /// <summary>Notes a failed run; <paramref name="reason"/> is the exception's type name, never its message, which may quote a record.</summary>
    public Task TimerFailedAsync(string timer, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(TimerPartition, timer) { ["LastFailure"] = at, ["LastFailureReason"] = reason }, TableUpdateMode.Merge, cancellationToken);

    public async Task<IReadOnlyList<TimerHeartbeat>> ReadTimersAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TimerPartition}");
        var timers = new List<TimerHeartbeat>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            timers.Add(new TimerHeartbeat(row.RowKey, row.GetDateTimeOffset("LastSuccess"), row.GetDateTimeOffset("LastFailure"), row.GetString("LastFailureReason")));
        }

        return timers;
    }

    public Task OutboxObservedAsync(OutboxObservation observation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var row = new TableEntity(OutboxPartition, OutboxRow)
        {
            ["ObservedAt"] = observation.ObservedAt,
            ["OldestCreatedAt"] = observation.OldestCreatedAt,
            ["Rows"] = observation.Rows,
        };
        return _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<OutboxObservation?> ReadOutboxAsync(CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(OutboxPartition, OutboxRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? new OutboxObservation(e.GetDateTimeOffset("ObservedAt") ?? DateTimeOffset.MinValue, e.GetDateTimeOffset("OldestCreatedAt"), e.GetInt32("Rows") ?? 0)
            : null;
    }
}
