using Azure;
using Azure.Data.Tables;
using InclusionCases.Domain.Cases;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Cases;

/// <summary>
/// The <c>OrganisationCases</c> index: the cases each organisation sees, PartitionKey = organisation
/// id. Two rows per case: <c>u|{inverted updatedAt}|{caseId}</c> (the list, newest change first, with
/// the summary fields to filter on) and <c>c|{caseId}</c> (points at the current list row, so a newer
/// version replaces it). Written only by the projector; rows carry no personal data.
/// </summary>
public sealed class OrganisationCaseIndex(StorageAccount storage)
{
    private const string ListPrefix = "u|";
    private readonly TableClient _table = storage.Table(TableNames.OrganisationCases);

    /// <summary>
    /// Puts or refreshes the case in the organisation's list; an older version never overwrites a newer
    /// one. Two projector runs for the same person can race here; the loser's batch fails on the
    /// pointer's ETag or the list row the winner already removed, and it simply reads again.
    /// </summary>
    public async Task UpsertAsync(string organisationId, CaseFile c, bool asLead, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await TryUpsertAsync(organisationId, c, asLead, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < 5)
            {
                // Lost a race with another projection of the same case: read the pointer again.
            }
        }
    }

    private async Task TryUpsertAsync(string organisationId, CaseFile c, bool asLead, CancellationToken cancellationToken)
    {
        var pointer = await _table.GetEntityIfExistsAsync<TableEntity>(organisationId, "c|" + c.Id, cancellationToken: cancellationToken);
        var existing = pointer.HasValue ? pointer.Value : null;
        var listKey = ListPrefix + CaseRows.InvertedTicks(c.UpdatedAt) + "|" + c.Id;
        if (existing is not null && (existing.GetInt64("Version") > c.Version || (existing.GetInt64("Version") == c.Version && existing.GetString("ListRowKey") == listKey)))
        {
            return;
        }

        var row = Summary(new TableEntity(organisationId, listKey), c, asLead);
        var actions = new List<TableTransactionAction>();
        if (existing?.GetString("ListRowKey") is { } oldKey && oldKey != listKey)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(organisationId, oldKey), ETag.All));
        }

        actions.Add(new(TableTransactionActionType.UpsertReplace, row));
        var newPointer = Summary(new TableEntity(organisationId, "c|" + c.Id), c, asLead);
        newPointer["ListRowKey"] = listKey;
        actions.Add(existing is null
            ? new(TableTransactionActionType.Add, newPointer)
            : new(TableTransactionActionType.UpdateReplace, newPointer, existing.ETag));
        await _table.SubmitTransactionAsync(actions, cancellationToken);
    }

    public async Task RemoveAsync(string organisationId, string caseId, CancellationToken cancellationToken)
    {
        var pointer = await _table.GetEntityIfExistsAsync<TableEntity>(organisationId, "c|" + caseId, cancellationToken: cancellationToken);
        if (pointer.HasValue && pointer.Value is { } existing)
        {
            await _table.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.Delete, new TableEntity(organisationId, existing.GetString("ListRowKey")), ETag.All),
                    new(TableTransactionActionType.Delete, existing, existing.ETag),
                ],
                cancellationToken);
        }
    }

    /// <summary>A page of the organisation's cases, newest change first, filtered within the partition.</summary>
    public async Task<(IReadOnlyList<IndexedCase> Items, string? ContinuationToken)> ListAsync(
        string organisationId, CaseStatus? status, CaseType? type, string? assignedWorkerId, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var filters = new List<string>
        {
            TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and RowKey ge {ListPrefix} and RowKey lt {"u}"}"),
        };
        if (status is { } s)
        {
            filters.Add(TableClient.CreateQueryFilter($"Status eq {s.ToString()}"));
        }

        if (type is { } t)
        {
            filters.Add(TableClient.CreateQueryFilter($"Type eq {t.ToString()}"));
        }

        if (assignedWorkerId is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"AssignedWorkerId eq {assignedWorkerId}"));
        }

        return await paging.ReadAsync(_table, string.Join(" and ", filters), Read, cancellationToken);
    }

    private static TableEntity Summary(TableEntity row, CaseFile c, bool asLead)
    {
        row["CaseId"] = c.Id;
        row["PersonId"] = c.PersonId;
        row["Type"] = c.Type.ToString();
        row["Status"] = c.Status.ToString();
        row["LeadOrganisationId"] = c.LeadOrganisationId;
        row["AssignedWorkerId"] = c.AssignedWorkerId;
        row["CreatedAt"] = c.CreatedAt;
        row["UpdatedAt"] = c.UpdatedAt;
        row["Version"] = c.Version;
        row["AsLead"] = asLead;
        return row;
    }

    private static IndexedCase Read(TableEntity e) => new(
        e.GetString("CaseId"),
        e.GetString("PersonId"),
        Enum.Parse<CaseType>(e.GetString("Type")),
        Enum.Parse<CaseStatus>(e.GetString("Status")),
        e.GetString("LeadOrganisationId"),
        e.GetString("AssignedWorkerId"),
        e.GetDateTimeOffset("CreatedAt")!.Value,
        e.GetDateTimeOffset("UpdatedAt")!.Value,
        e.GetBoolean("AsLead") ?? false);
}
