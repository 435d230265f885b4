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
/// two ids. Rows hold the event's ids and type (and, for the send-time check, its person id), never a
/// name or any field of the person. A delivery that ended (delivered, failed, withheld) is kept
/// <see cref="KeptDays"/> days: each end writes a row <c>purge|{yyyy-MM-dd}</c> → <c>{subscription id}|{event id}</c>,
/// so the retention job finds what to delete by day without reading the table, deleted subscriptions'
/// rows included. A pending delivery (a task due months ahead) stays until it ends.
/// </summary>
public sealed class DeliveryLog(StorageAccount storage, TimeProvider clock)
{
    /// <summary>Days a delivery stays in the log after it ended.</summary>
    public const int KeptDays = 30;

    // How far back before the retention cut-off a run looks, so a job that did not run for a while catches up.
    private const int LookBackDays = 60;
    private const string PurgePrefix = "purge|";
    private readonly TableClient _table = storage.Table(TableNames.WebhookDeliveries);

    /// <summary>Adds a delivery not yet tried; false (and nothing changed) when it is there already.</summary>
    public async Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
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

    /// <summary>
    /// Replaces a delivery read with <paramref name="etag"/>; its new ETag, or null when it changed since
    /// (another attempt or a redelivery won). A delivery that ends is noted for the retention job first.
    /// </summary>
    public async Task<ETag?> TryReplaceAsync(Delivery delivery, ETag etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.Status != DeliveryStatus.Pending)
        {
            var ended = new TableEntity(PurgePartition(DayOf(clock.GetUtcNow())), PurgeRow(delivery.SubscriptionId, delivery.Event.Id));
            await _table.UpsertEntityAsync(ended, TableUpdateMode.Replace, cancellationToken);
        }

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

    /// <summary>Deletes the deliveries that ended more than <see cref="KeptDays"/> days ago (and are not pending again); returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var last = DayOf(now).AddDays(-KeptDays - 1);
        for (var day = last.AddDays(-LookBackDays); day <= last; day = day.AddDays(1))
        {
            var partition = PurgePartition(day);
            await foreach (var ended in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
            {
                var (subscriptionId, eventId) = SplitPurgeRow(ended.RowKey);
                // Redelivered since, it is pending again: its next end notes it again.
                if (await GetAsync(subscriptionId, eventId, cancellationToken) is { Delivery.Status: not DeliveryStatus.Pending })
                {
                    await _table.DeleteEntityAsync(subscriptionId, eventId, ETag.All, cancellationToken);
                    deleted++;
                }

                await _table.DeleteEntityAsync(partition, ended.RowKey, ETag.All, cancellationToken);
            }
        }

        return deleted;
    }

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static string PurgePartition(DateOnly day) => PurgePrefix + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string PurgeRow(string subscriptionId, string eventId) => subscriptionId + "|" + eventId;

    private static (string SubscriptionId, string EventId) SplitPurgeRow(string rowKey)
    {
        var bar = rowKey.IndexOf('|', StringComparison.Ordinal);
        return (rowKey[..bar], rowKey[(bar + 1)..]);
    }

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
        ["AttemptsBeforeWindow"] = d.AttemptsBeforeWindow,
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
        e.GetDateTimeOffset("ClaimedAt"),
        e.GetInt32("AttemptsBeforeWindow") ?? 0);
}
