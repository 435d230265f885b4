using System.Globalization;
using Azure.Data.Tables;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Contacts;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Retention;

/// <summary>
/// The <c>Retention</c> table: closed cases by month of closure (PartitionKey <c>closed|yyyy-MM</c>,
/// RowKey case id) and contacts by month observed (<c>contacts|yyyy-MM</c>, RowKey contact id), so
/// the retention job reads only the months past their period. Rows may be stale (a case reopened):
/// the job checks the authoritative record before it anonymises anything.
/// </summary>
public sealed class RetentionIndex(StorageAccount storage)
{
    private readonly TableClient _table = storage.Table(TableNames.Retention);

    public async Task RecordClosedAsync(CaseFile c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Status == CaseStatus.Closed)
        {
            var row = new TableEntity("closed|" + Month(ClosedOn(c)), c.Id) { ["PersonId"] = c.PersonId };
            await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>Indexes contacts by month observed, in transactions of 100 per month partition.</summary>
    public async Task RecordContactsAsync(string organisationId, IEnumerable<StreetContact> contacts, CancellationToken cancellationToken)
    {
        foreach (var month in contacts.GroupBy(c => Month(DateOnly.FromDateTime(c.ObservedAt.UtcDateTime))))
        {
            foreach (var chunk in month.DistinctBy(c => c.Id).Chunk(100))
            {
                await _table.SubmitTransactionAsync(
                    chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("contacts|" + month.Key, c.Id) { ["OrganisationId"] = organisationId })),
                    cancellationToken);
            }
        }
    }

    /// <summary>The rows of one kind in the months up to and including <paramref name="lastMonth"/>, one partition per month.</summary>
    public async Task<IReadOnlyList<TableEntity>> DueAsync(string kind, DateOnly firstMonth, DateOnly lastMonth, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        for (var month = new DateOnly(firstMonth.Year, firstMonth.Month, 1); month <= lastMonth; month = month.AddMonths(1))
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {kind + "|" + Month(month)}"), cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    public async Task RemoveAsync(TableEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, Azure.ETag.All, cancellationToken);
    }

    public static DateOnly ClosedOn(CaseFile c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Closure?.Date ?? DateOnly.FromDateTime(c.UpdatedAt.UtcDateTime);
    }

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
