using Azure.Data.Tables;
using InclusionCases.Domain.Cases;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Retention;

/// <summary>
/// The <c>Retention</c> table: closed cases by month of closure (PartitionKey <c>closed|yyyy-MM</c>,
/// RowKey case id) and the organisations with contacts observed in a month (<c>contacts|yyyy-MM</c>,
/// RowKey organisation id: the contacts themselves are read from the organisation's time-ordered
/// list), so the retention job reads only the months past their period. Rows may be stale (a case reopened):
/// the job checks the authoritative record before it anonymises anything.
/// </summary>
public sealed class RetentionIndex(StorageAccount storage)
{
    public const string ContactsKind = "contacts";

    private readonly TableClient _table = storage.Table(TableNames.Retention);

    public async Task RecordClosedAsync(CaseFile c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Status == CaseStatus.Closed)
        {
            var row = new TableEntity("closed|" + MonthKeys.Of(ClosedOn(c)), c.Id) { ["PersonId"] = c.PersonId };
            await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>Notes that the organisation has contacts observed in these months (one row per month and organisation).</summary>
    public Task RecordContactMonthsAsync(string organisationId, IEnumerable<string> months, CancellationToken cancellationToken) =>
        Task.WhenAll(months.Distinct().Select(month =>
            _table.UpsertEntityAsync(new TableEntity(ContactsKind + "|" + month, organisationId), TableUpdateMode.Replace, cancellationToken)));

    /// <summary>The first instant of the month a <c>contacts|yyyy-MM</c> row stands for.</summary>
    public static DateTimeOffset MonthStart(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return MonthKeys.Start(row.PartitionKey[(ContactsKind.Length + 1)..]);
    }

    /// <summary>The rows of one kind in the months up to and including <paramref name="lastMonth"/>, one partition per month.</summary>
    public async Task<IReadOnlyList<TableEntity>> DueAsync(string kind, DateOnly firstMonth, DateOnly lastMonth, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        for (var month = new DateOnly(firstMonth.Year, firstMonth.Month, 1); month <= lastMonth; month = month.AddMonths(1))
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {kind + "|" + MonthKeys.Of(month)}"), cancellationToken: cancellationToken))
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
}
