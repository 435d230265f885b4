using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Idempotency;

/// <summary>
/// The <c>IdempotencyKeys</c> table. A key row: PartitionKey <c>caller|{oid}</c>, RowKey = the SHA-256
/// of the key (a client may put anything in its key, so the key itself is never stored), holding the
/// request's fingerprint, its times and, once answered, the first response. Beside it, index rows:
/// one in partition <c>expires|yyyy-MM-dd</c> (the day the key expires), so expired rows are found by
/// day partitions and never by a table scan; and, for an answer about a person, one in
/// <c>person|{personId}</c>, so an erasure finds the answers that show the person. Every
/// request-path call here is a point operation on one partition.
/// </summary>
public sealed class IdempotencyStore(StorageAccount storage)
{
    /// <summary>How many past days of expiry partitions a clean-up reads (so one that missed runs catches up).</summary>
    public const int CleanUpLookBackDays = 30;

    // A binary property holds at most 64 KiB; the body is split over as many as it needs.
    private const int ChunkBytes = 60_000;
    private const int MaxChunks = 15;
    private const string Pending = "pending";
    private const string Done = "done";

    private readonly TableClient _table = storage.Table(TableNames.IdempotencyKeys);

    public static string CallerPartition(string callerId) => "caller|" + callerId;

    public static string KeyRow(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string PersonPartition(string personId) => "person|" + personId;

    public static string ExpiryPartition(DateOnly day) => "expires|" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reserves the key with an insert; null when a row for it already exists (someone holds or used it).</summary>
    public async Task<IdempotencyReservation?> TryReserveAsync(string callerId, string key, string fingerprint, DateTimeOffset now, TimeSpan retention, TimeSpan lease, CancellationToken cancellationToken)
    {
        var expiresAt = now + retention;
        await IndexAsync(callerId, key, expiresAt, cancellationToken);
        try
        {
            var response = await _table.AddEntityAsync(PendingRow(callerId, key, fingerprint, now, expiresAt, now + lease), cancellationToken);
            return new IdempotencyReservation(callerId, key, fingerprint, now, expiresAt, response.Headers.ETag!.Value);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    /// <summary>
    /// Takes over a row found expired, or pending past its holder's lease, under the ETag it was read
    /// with; null when someone else changed or removed it first.
    /// </summary>
    public async Task<IdempotencyReservation?> TryTakeOverAsync(string callerId, string key, string fingerprint, DateTimeOffset now, TimeSpan retention, TimeSpan lease, IdempotencyEntry current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var expiresAt = now + retention;
        await IndexAsync(callerId, key, expiresAt, cancellationToken);
        if (current.PersonId is { } previousPerson)
        {
            // The answer it indexed is about to be replaced (whoever takes the row over).
            await DeleteIfPresentAsync(PersonPartition(previousPerson), callerId + "|" + KeyRow(key), ETag.All, cancellationToken);
        }

        try
        {
            var response = await _table.UpdateEntityAsync(PendingRow(callerId, key, fingerprint, now, expiresAt, now + lease), current.ETag, TableUpdateMode.Replace, cancellationToken);
            return new IdempotencyReservation(callerId, key, fingerprint, now, expiresAt, response.Headers.ETag!.Value);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>The key's row, if any.</summary>
    public async Task<IdempotencyEntry?> FindAsync(string callerId, string key, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(CallerPartition(callerId), KeyRow(key), cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } row)
        {
            return null;
        }

        var response = row.GetString("State") == Done ? ReadResponse(row) : null;
        return new IdempotencyEntry(row.GetString("Fingerprint"), row.GetDateTimeOffset("ExpiresAt")!.Value, row.GetDateTimeOffset("LeaseUntil")!.Value, response, row.GetString("PersonId"), row.ETag);
    }

    /// <summary>
    /// Stores the first answer under the reservation, indexed under <paramref name="personId"/> (the
    /// person it shows, if any) first so an erasure always finds it; false when the reservation was
    /// lost meanwhile (taken over after its lease).
    /// </summary>
    public async Task<bool> CompleteAsync(IdempotencyReservation reservation, StoredResponse response, string? personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(response);
        if (personId is not null)
        {
            await _table.UpsertEntityAsync(IndexRow(PersonPartition(personId), reservation.CallerId, reservation.Key), TableUpdateMode.Replace, cancellationToken);
        }

        var chunks = response.Body.Chunk(ChunkBytes).ToList();
        if (chunks.Count > MaxChunks)
        {
            throw new InvalidOperationException($"A response of {response.Body.Length} bytes is too large to keep for an idempotency key.");
        }

        var row = Row(reservation.CallerId, reservation.Key, reservation.Fingerprint, reservation.CreatedAt, reservation.ExpiresAt, reservation.ExpiresAt, Done);
        row["PersonId"] = personId;
        row["Status"] = response.Status;
        row["Headers"] = JsonSerializer.Serialize(response.Headers);
        row["BodyChunks"] = chunks.Count;
        for (var i = 0; i < chunks.Count; i++)
        {
            row["Body" + i.ToString(CultureInfo.InvariantCulture)] = chunks[i];
        }

        try
        {
            await _table.UpdateEntityAsync(row, reservation.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Gives the key up so a retry can run: only the reservation's own row (its ETag), never one taken over since.</summary>
    public async Task ReleaseAsync(IdempotencyReservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        try
        {
            await _table.DeleteEntityAsync(CallerPartition(reservation.CallerId), KeyRow(reservation.Key), reservation.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Already gone or taken over: nothing of this reservation is left.
        }
    }

    /// <summary>Deletes every kept answer that shows the person (GDPR erasure), and their index rows.</summary>
    public async Task ForgetPersonAsync(string personId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PersonPartition(personId)}");
        await foreach (var index in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var (partition, rowKey) = (index.GetString("KeyPartition"), index.GetString("KeyRow"));
            var key = await _table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, ["PersonId"], cancellationToken);
            // A key used again since, for another request, keeps that request's answer.
            if (key.HasValue && key.Value is { } row && row.GetString("PersonId") == personId)
            {
                await DeleteIfPresentAsync(partition, rowKey, row.ETag, cancellationToken);
            }

            await DeleteIfPresentAsync(index.PartitionKey, index.RowKey, ETag.All, cancellationToken);
        }
    }

    /// <summary>
    /// Deletes the key rows that expired before today (checked against each row: a key used again since
    /// holds a later expiry and stays) and their index rows; returns how many key rows it deleted.
    /// </summary>
    public async Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var removed = 0;
        for (var day = today.AddDays(-CleanUpLookBackDays); day < today; day = day.AddDays(1))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ExpiryPartition(day)}");
            await foreach (var index in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                var partition = index.GetString("KeyPartition");
                var rowKey = index.GetString("KeyRow");
                var key = await _table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, ["ExpiresAt", "PersonId"], cancellationToken);
                if (key.HasValue && key.Value is { } row && row.GetDateTimeOffset("ExpiresAt") <= now)
                {
                    // Not deleted when reused or removed meanwhile (412, 404).
                    removed += await DeleteIfPresentAsync(partition, rowKey, row.ETag, cancellationToken) ? 1 : 0;
                    if (row.GetString("PersonId") is { } personId)
                    {
                        await DeleteIfPresentAsync(PersonPartition(personId), index.RowKey, ETag.All, cancellationToken);
                    }
                }

                await DeleteIfPresentAsync(index.PartitionKey, index.RowKey, ETag.All, cancellationToken);
            }
        }

        return removed;
    }

    // Written before the key row: an index row without its key row is harmless (the clean-up checks),
    // a key row without an index row would never be cleaned.
    private async Task IndexAsync(string callerId, string key, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(IndexRow(ExpiryPartition(DateOnly.FromDateTime(expiresAt.UtcDateTime)), callerId, key), TableUpdateMode.Replace, cancellationToken);

    // Index rows of a key share one RowKey, so the clean-up can remove a key's person index row by name.
    private static TableEntity IndexRow(string partition, string callerId, string key) => new(partition, callerId + "|" + KeyRow(key))
    {
        ["KeyPartition"] = CallerPartition(callerId),
        ["KeyRow"] = KeyRow(key),
    };

    private async Task<bool> DeleteIfPresentAsync(string partition, string rowKey, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(partition, rowKey, ifMatch, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    private static TableEntity PendingRow(string callerId, string key, string fingerprint, DateTimeOffset now, DateTimeOffset expiresAt, DateTimeOffset leaseUntil) =>
        Row(callerId, key, fingerprint, now, expiresAt, leaseUntil, Pending);

    private static TableEntity Row(string callerId, string key, string fingerprint, DateTimeOffset createdAt, DateTimeOffset expiresAt, DateTimeOffset leaseUntil, string state) =>
        new(CallerPartition(callerId), KeyRow(key))
        {
            ["Fingerprint"] = fingerprint,
            ["State"] = state,
            ["CreatedAt"] = createdAt,
            ["ExpiresAt"] = expiresAt,
            ["LeaseUntil"] = leaseUntil,
        };

    private static StoredResponse ReadResponse(TableEntity row)
    {
        var chunks = row.GetInt32("BodyChunks") ?? 0;
        var body = Enumerable.Range(0, chunks).SelectMany(i => row.GetBinary("Body" + i.ToString(CultureInfo.InvariantCulture)) ?? []).ToArray();
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Headers") ?? "{}") ?? [];
        return new StoredResponse(row.GetInt32("Status")!.Value, new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase), body);
    }
}
