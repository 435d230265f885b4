using Azure;
using Azure.Data.Tables;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Webhooks;

/// <summary>
/// The <c>Subscriptions</c> table: PartitionKey = organisation id, RowKey = subscription id, plus one
/// <see cref="CountRow"/> per organisation. A creation rewrites that row under the ETag it was read with,
/// in the same batch as the new subscription, so two creations at once cannot both take the fifth place.
/// </summary>
public sealed class SubscriptionStore(StorageAccount storage)
{
    /// <summary>The row of an organisation's partition that every creation changes (sorts before every subscription id).</summary>
    public const string CountRow = "count";

    private const int CreateAttempts = 10;
    private readonly TableClient _table = storage.Table(TableNames.Subscriptions);

    /// <summary>The organisation's subscriptions, oldest first.</summary>
    public async Task<IReadOnlyList<Subscription>> ListAsync(string organisationId, CancellationToken cancellationToken) =>
        [.. (await ReadPartitionAsync(organisationId, cancellationToken)).Subscriptions.OrderBy(s => s.CreatedAt)];

    /// <summary>One subscription, with its ETag, or null.</summary>
    public async Task<(Subscription Subscription, ETag ETag)?> GetAsync(string organisationId, string subscriptionId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(organisationId, subscriptionId, cancellationToken: cancellationToken);
        return response.HasValue && Read(response.Value!) is { } subscription ? (subscription, response.Value!.ETag) : null;
    }

    /// <summary>
    /// Adds <paramref name="subscription"/> unless its organisation has <paramref name="max"/> already; false
    /// then. Creations at once in one organisation take turns; one that loses every turn is a 409 to retry.
    /// </summary>
    public async Task<bool> TryCreateAsync(Subscription subscription, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        for (var attempt = 1; ; attempt++)
        {
            var (subscriptions, count) = await ReadPartitionAsync(subscription.OrganisationId, cancellationToken);
            if (subscriptions.Count >= max)
            {
                return false;
            }

            var counter = new TableEntity(subscription.OrganisationId, CountRow) { ["Count"] = subscriptions.Count + 1 };
            TableTransactionAction[] actions =
            [
                count is { } etag ? new(TableTransactionActionType.UpdateReplace, counter, etag) : new(TableTransactionActionType.Add, counter),
                new(TableTransactionActionType.Add, Write(subscription)),
            ];
            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // The SDK's own retry of a batch that landed meets its own row: created.
                if (await GetAsync(subscription.OrganisationId, subscription.Id, cancellationToken) is not null)
                {
                    return true;
                }

                // Another creation in the same organisation came first: count again.
                if (attempt == CreateAttempts)
                {
                    throw ApiProblemException.Conflict(ApiText.RecordChanged);
                }
            }
        }
    }

    /// <summary>Deletes a subscription; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string organisationId, string subscriptionId, CancellationToken cancellationToken)
    {
        // The SDK answers a delete of a missing row without throwing: its status tells.
        var response = await _table.DeleteEntityAsync(organisationId, subscriptionId, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    /// <summary>Marks a subscription disabled (its receiver answered 410), if it is still there.</summary>
    public async Task DisableAsync(string organisationId, string subscriptionId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(new TableEntity(organisationId, subscriptionId) { ["DisabledAt"] = at }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Deleted meanwhile: nothing left to disable.
        }
    }

    private async Task<(List<Subscription> Subscriptions, ETag? CountETag)> ReadPartitionAsync(string organisationId, CancellationToken cancellationToken)
    {
        var subscriptions = new List<Subscription>();
        ETag? count = null;
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {organisationId}"), cancellationToken: cancellationToken))
        {
            if (row.RowKey == CountRow)
            {
                count = row.ETag;
            }
            else if (Read(row) is { } subscription)
            {
                subscriptions.Add(subscription);
            }
        }

        return (subscriptions, count);
    }

    private static TableEntity Write(Subscription s) => new(s.OrganisationId, s.Id)
    {
        ["Url"] = s.Url.AbsoluteUri,
        ["Events"] = string.Join(' ', s.Events),
        ["CreatedAt"] = s.CreatedAt,
        ["CreatedBy"] = s.CreatedBy,
        ["DisabledAt"] = s.DisabledAt,
        ["Secret"] = s.SealedSecret,
    };

    // A row that does not read as a subscription (damaged by hand) is left out, so it cannot stop the
    // projector's fan-out for the organisation's other subscriptions.
    private static Subscription? Read(TableEntity e) => Uri.TryCreate(e.GetString("Url"), UriKind.Absolute, out var url)
        ? new(
            e.RowKey,
            e.PartitionKey,
            url,
            e.GetString("Events")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
            e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            e.GetString("CreatedBy") ?? string.Empty,
            e.GetDateTimeOffset("DisabledAt"),
            e.GetString("Secret") ?? string.Empty)
        : null;
}
