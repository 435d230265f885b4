using Azure.Data.Tables;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Audit;

/// <summary>
/// The <c>Audit</c> table. Each entry is written to the actor's partition (<c>actor|{id}</c>) and,
/// when it concerns a person, to the person's (<c>person|{id}</c>), RowKey = inverted ticks + id, so
/// "who did what" and "who touched this person" are both newest-first partition reads. The two
/// writes run concurrently; a request whose audit entry cannot be written fails (503) rather than
/// serving data unaudited.
/// </summary>
public sealed class AuditLog(StorageAccount storage, TimeProvider clock)
{
    private readonly TableClient _table = storage.Table(TableNames.Audit);

    public Task RecordAsync(Caller caller, string action, string resource, string? personId, AuditOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var entry = new AuditEntry(RecordIds.NewEntryId(), clock.GetUtcNow(), caller.Id, caller.OrganisationId, action, resource, personId, outcome);
        var writes = new List<Task> { WriteAsync("actor|" + entry.ActorId, entry, cancellationToken) };
        if (personId is not null)
        {
            writes.Add(WriteAsync("person|" + personId, entry, cancellationToken));
        }

        return Task.WhenAll(writes);
    }

    private async Task WriteAsync(string partition, AuditEntry entry, CancellationToken cancellationToken) =>
        await _table.AddEntityAsync(
            new TableEntity(partition, CaseRows.InvertedTicks(entry.At) + "|" + entry.Id)
            {
                ["EntryId"] = entry.Id,
                ["At"] = entry.At,
                ["ActorId"] = entry.ActorId,
                ["OrganisationId"] = entry.OrganisationId,
                ["Action"] = entry.Action,
                ["Resource"] = entry.Resource,
                ["PersonId"] = entry.PersonId,
                ["Outcome"] = entry.Outcome.ToString(),
            },
            cancellationToken);
}
