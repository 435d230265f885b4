using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Webhooks;

/// <summary>
/// The <c>WebhookDeliveries</c> table: PartitionKey = subscription id, RowKey = event id (which sorts
/// newest first), so a subscription's log is one partition read in order, and a delivery is found by its
/// two ids. Rows hold the event's ids, never anything about the person. A delivery is kept
/// <see cref="KeptDays"/> days after its event: partitions <c>purge|{yyyy-MM-dd}</c> (RowKey = subscription
/// id) say which subscriptions have deliveries of a day, so the retention job deletes them by range
/// without reading the table, also those of subscriptions deleted since.
/// </summary>
public sealed class DeliveryLog(StorageAccount storage)
{
    /// <summary>Days a delivery stays in the log after its event (one still pending stays until it ends).</summary>
    public const int KeptDays = 30;

    // How far back before the retention cut-off a run looks, so a job that did not run for a while catches up.
    private const int LookBackDays = 60;
    private const string PurgePrefix = "purge|";
    private readonly TableClient _table = storage.Table(TableNames.WebhookDeliveries);

    /// <summary>Adds a delivery not yet tried; false (and nothing changed) when it is there already.</summary>
    public async Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await _table.UpsertEntityAsync(new TableEntity(PurgePartition(DayOf(delivery.Event.OccurredAt)), delivery.SubscriptionId), TableUpdateMode.Replace, cancellationToken);
        try
        {
            await _table.AddEntityAsync(Write(delivery), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<(Delivery Delivery, ETag ETag)?> GetAsync(string subscriptionId, string eventId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(subscriptionId, eventId, cancellationToken: cancellationToken);
        return response.HasValue ? (Read(response.Value!), response.Value!.ETag) : null;
    }

    /// <summary>Replaces a delivery read with <paramref name="etag"/>; its new ETag, or null when it changed since (another attempt or a redelivery won).</summary>
    public async Task<ETag?> TryReplaceAsync(Delivery delivery, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            return (await _table.UpdateEntityAsync(Write(delivery), etag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>A page of a subscription's deliveries, newest first.</summary>
    public Task<(IReadOnlyList<Delivery> Items, string? ContinuationToken)> PageAsync(string subscriptionId, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        return paging.ReadAsync(_table, TableClient.CreateQueryFilter($"PartitionKey eq {subscriptionId}"), Read, cancellationToken);
    }

    /// <summary>Deletes the deliveries whose event is more than <see cref="KeptDays"/> days old and that ended; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var last = DayOf(now).AddDays(-KeptDays - 1);
        for (var day = last.AddDays(-LookBackDays); day <= last; day = day.AddDays(1))
        {
            await foreach (var index in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PurgePartition(day)}"), select: ["RowKey"], cancellationToken: cancellationToken))
            {
                var (deletedOfDay, pendingLeft) = await PurgeDayAsync(index.RowKey, day, cancellationToken);
                deleted += deletedOfDay;
                if (!pendingLeft)
                {
                    await _table.DeleteEntityAsync(PurgePartition(day), index.RowKey, ETag.All, cancellationToken);
                }
            }
        }

        return deleted;
    }

    // The event ids of one day lie between the inverted ticks of its end and of its start.
    private async Task<(int Deleted, bool PendingLeft)> PurgeDayAsync(string subscriptionId, DateOnly day, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var after = "e" + TableKeys.InvertedTicks(start.AddDays(1));
        var before = "e" + TableKeys.InvertedTicks(start) + "~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {subscriptionId} and RowKey gt {after} and RowKey lt {before}");
        var (deleted, pendingLeft) = (0, false);
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Status"], cancellationToken: cancellationToken))
        {
            if (row.GetString("Status") == nameof(DeliveryStatus.Pending))
            {
                pendingLeft = true;
                continue;
            }

            await _table.DeleteEntityAsync(subscriptionId, row.RowKey, ETag.All, cancellationToken);
            deleted++;
        }

        return (deleted, pendingLeft);
    }

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static string PurgePartition(DateOnly day) => PurgePrefix + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static TableEntity Write(Delivery d) => new(d.SubscriptionId, d.Event.Id)
    {
        ["Event"] = JsonSerializer.Serialize(d.Event),
        ["Type"] = d.Event.Type,
        ["Status"] = d.Status.ToString(),
        ["Attempts"] = d.Attempts,
        ["FirstAttemptAt"] = d.FirstAttemptAt,
        ["LastAttemptAt"] = d.LastAttemptAt,
        ["LastStatusCode"] = d.LastStatusCode,
        ["NextAttemptAt"] = d.NextAttemptAt,
        ["ClaimedAt"] = d.ClaimedAt,
    };

    private static Delivery Read(TableEntity e) => new(
        e.PartitionKey,
        JsonSerializer.Deserialize<WebhookEvent>(e.GetString("Event"))!,
        Enum.Parse<DeliveryStatus>(e.GetString("Status")),
        e.GetInt32("Attempts") ?? 0,
        e.GetDateTimeOffset("FirstAttemptAt"),
        e.GetDateTimeOffset("LastAttemptAt"),
        e.GetInt32("LastStatusCode"),
        e.GetDateTimeOffset("NextAttemptAt"),
        e.GetDateTimeOffset("ClaimedAt"));
}
