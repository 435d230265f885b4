using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Matching;

/// <summary>
/// At most <see cref="CallsPerHour"/> match calls per caller in any hour, counted in storage so the limit
/// holds however many instances serve the API: one row per caller (<c>MatchRequests</c>, PartitionKey
/// <c>calls|{caller id}</c>) holding the times of its calls of the last hour, rewritten under its ETag, so
/// two calls at once on two instances cannot both take the last place.
/// </summary>
public sealed class MatchCallLimit(StorageAccount storage, TimeProvider clock)
{
    /// <summary>The calls a caller may make in any hour.</summary>
    public const int CallsPerHour = 30;

    private const string RowKey = "calls";
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly TableClient _table = storage.Table(TableNames.MatchRequests);

    /// <summary>Counts a call for <paramref name="callerId"/>, or refuses it with 429 and the seconds until a place frees up.</summary>
    public async Task TakeAsync(string callerId, CancellationToken cancellationToken)
    {
        var partition = "calls|" + callerId;
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(partition, RowKey, cancellationToken: cancellationToken);
            var current = row.HasValue ? row.Value : null;
            var calls = (JsonSerializer.Deserialize<long[]>(current?.GetString("Calls") ?? "[]") ?? [])
                .Select(t => new DateTimeOffset(t, TimeSpan.Zero))
                .Where(t => t > now - Window)
                .Order()
                .ToList();
            if (calls.Count >= CallsPerHour)
            {
                var freeAt = calls[calls.Count - CallsPerHour] + Window;
                throw new ApiProblemException(ProblemTypes.TooManyRequests, ApiText.MatchRateLimited(CallsPerHour))
                {
                    RetryAfterSeconds = Math.Max(1, (int)Math.Ceiling((freeAt - now).TotalSeconds)),
                };
            }

            calls.Add(now);
            var updated = new TableEntity(partition, RowKey) { ["Calls"] = JsonSerializer.Serialize(calls.Select(t => t.UtcTicks)) };
            try
            {
                if (current is null)
                {
                    await _table.AddEntityAsync(updated, cancellationToken);
                }
                else
                {
                    await _table.UpdateEntityAsync(updated, current.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another call of this caller counted itself first: count again, a few times.
                if (attempt == 10)
                {
                    throw new ApiProblemException(ProblemTypes.TooManyRequests, ApiText.MatchRateLimited(CallsPerHour)) { RetryAfterSeconds = 1 };
                }
            }
        }
    }
}
