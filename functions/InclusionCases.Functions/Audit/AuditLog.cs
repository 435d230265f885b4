using System.Globalization;
using Azure.Data.Tables;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Audit;

/// <summary>
/// The <c>Audit</c> table. Each entry is written to the actor's partition (<c>actor|{id}</c>), the
/// day's (<c>day|yyyy-MM-dd</c>) and, when it concerns a person, the person's (<c>person|{id}</c>);
/// RowKey = inverted ticks + id. So "what did this user do", "what happened that day" and "who
/// touched this person" are each newest-first partition reads. The writes run concurrently; a
/// request whose audit entry cannot be written fails (503) rather than serving data unaudited.
/// Entries are upserted under fresh ids, so an SDK retry of a write that landed is harmless.
/// </summary>
public sealed class AuditLog(StorageAccount storage, TimeProvider clock)
{
    private readonly TableClient _table = storage.Table(TableNames.Audit);

    /// <summary>
    /// Runs <paramref name="read"/> beside the writing of the request's attempt entry (declared here,
    /// see <see cref="RequestAudit"/>), so auditing adds no sequential round trip to a read. The entry
    /// is written as allowed; if what was read leads to a refusal, the request pipeline rewrites the
    /// same entry as denied before anything is answered. If the read or the audit write fails, the
    /// request fails: nothing is served unaudited. (An attempt that then fails on a storage fault may
    /// stay recorded as allowed: the log errs towards "may have seen", never towards silence.)
    /// </summary>
    public async Task<T> BesideAsync<T>(AuditAction action, string resource, string? personId, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var request = RequestAudit.Current ?? throw new InvalidOperationException("Audited reads run inside the request pipeline.");
        var entry = request.Attempt(action, resource, personId, clock.GetUtcNow());
        var reading = read();
        var writing = WriteAsync(entry, cancellationToken);
        await Task.WhenAll(reading, writing);
        request.MarkStored();
        return await reading;
    }

    /// <summary>Declares and writes the request's attempt entry, for a request allowed by role alone that reads no record first.</summary>
    public async Task RecordAttemptAsync(AuditAction action, string resource, string? personId, CancellationToken cancellationToken)
    {
        var request = RequestAudit.Current ?? throw new InvalidOperationException("Audited requests run inside the request pipeline.");
        await WriteAsync(request.Attempt(action, resource, personId, clock.GetUtcNow()), cancellationToken);
        request.MarkStored();
    }

    /// <summary>Writes an entry (its id and time fixed by the caller) to its actor, day and person partitions, concurrently.</summary>
    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var partitions = new List<string> { ActorPartition(entry.ActorId), DayPartition(DateOnly.FromDateTime(entry.At.UtcDateTime)) };
        if (entry.PersonId is { } personId)
        {
            partitions.Add(PersonPartition(personId));
        }

        return Task.WhenAll(partitions.Select(p => WriteAsync(p, entry, cancellationToken)));
    }

    /// <summary>A page of one partition's entries, newest first, between two times, optionally of one actor.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Items, string? ContinuationToken)> ReadAsync(
        string partition, DateTimeOffset? from, DateTimeOffset? to, string? actorId, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var start = to is { } t ? TableKeys.InvertedTicks(t) : string.Empty;
        var end = from is { } f ? TableKeys.InvertedTicks(f) + "}" : "~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {start} and RowKey lt {end}");
        if (actorId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"ActorId eq {actorId}");
        }

        return await paging.ReadAsync(_table, filter, Read, cancellationToken);
    }

    /// <summary>Every entry about a person, newest first (for the GDPR export).</summary>
    public async Task<IReadOnlyList<AuditEntry>> AllOfPersonAsync(string personId, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PersonPartition(personId)}"), cancellationToken: cancellationToken))
        {
            entries.Add(Read(e));
        }

        return entries;
    }

    public static string ActorPartition(string actorId) => "actor|" + actorId;

    public static string PersonPartition(string personId) => "person|" + personId;

    public static string DayPartition(DateOnly day) => "day|" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static AuditEntry Read(TableEntity e) => new(
        e.GetString("EntryId"),
        e.GetDateTimeOffset("At")!.Value,
        e.GetString("ActorId"),
        e.GetString("OrganisationId"),
        AuditAction.FromName(e.GetString("Action")),
        e.GetString("Resource"),
        e.GetString("PersonId"),
        Enum.Parse<AuditOutcome>(e.GetString("Outcome")));

    private async Task WriteAsync(string partition, AuditEntry entry, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(
            new TableEntity(partition, TableKeys.InvertedTicks(entry.At) + "|" + entry.Id)
            {
                ["EntryId"] = entry.Id,
                ["At"] = entry.At,
                ["ActorId"] = entry.ActorId,
                ["OrganisationId"] = entry.OrganisationId,
                ["Action"] = entry.Action.Name,
                ["Resource"] = entry.Resource,
                ["PersonId"] = entry.PersonId,
                ["Outcome"] = entry.Outcome.ToString(),
            },
            TableUpdateMode.Replace,
            cancellationToken);
}
