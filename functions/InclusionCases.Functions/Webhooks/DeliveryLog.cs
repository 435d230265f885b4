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
/// two ids. Rows hold the event's ids, never anything about the person.
/// </summary>
public sealed class DeliveryLog(StorageAccount storage)
{
    private readonly TableClient _table = storage.Table(TableNames.WebhookDeliveries);

    /// <summary>Adds a delivery not yet tried; false (and nothing changed) when it is there already.</summary>
    public async Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken)
    {
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
