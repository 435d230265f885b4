using System.Globalization;
using Azure;
using Azure.Data.Tables;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Tasks;

/// <summary>
/// The <c>TaskRechecks</c> table: the persons whose derived tasks must be planned again on a day with
/// nothing else changing (PartitionKey = the Brussels day, yyyy-MM-dd; RowKey = person id), so the daily
/// job reads one partition per day instead of every file. Rows may be stale (the consent was renewed):
/// planning again then plans nothing, and costs one read.
/// </summary>
public sealed class TaskRecheckIndex(StorageAccount storage)
{
    private readonly TableClient _table = storage.Table(TableNames.TaskRechecks);

    /// <summary>Notes that <paramref name="personId"/>'s tasks are to be planned again on <paramref name="day"/>.</summary>
    public async Task ScheduleAsync(string personId, DateOnly day, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(new TableEntity(Day(day), personId), TableUpdateMode.Replace, cancellationToken);

    /// <summary>The persons due on one day.</summary>
    public async Task<IReadOnlyList<string>> DueAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var persons = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Day(day)}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            persons.Add(row.RowKey);
        }

        return persons;
    }

    public async Task RemoveAsync(string personId, DateOnly day, CancellationToken cancellationToken) =>
        await _table.DeleteEntityAsync(Day(day), personId, ETag.All, cancellationToken);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
