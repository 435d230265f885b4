using System.Globalization;
using Azure;
using Azure.Data.Tables;
using InclusionCases.Domain.Tasks;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Tasks;

/// <summary>
/// The <c>Tasks</c> index: each organisation's to-do list, PartitionKey = organisation id, RowKey =
/// <c>{dueOn}|{taskId}</c>, so a list is one range read, soonest due first, with the status, kind and
/// assignment filters applied inside the partition. A task's due date never changes (a new occurrence
/// is a new task), so its row never moves. Written only by the projector; rows carry ids, dates and
/// enumerations, never a title or an outcome. Every open task of any organisation also has a row in
/// the partition <see cref="OpenPartition"/> (RowKey the same), removed when it closes and set again
/// from the organisation's row on every projection, so the number of overdue tasks is one range read
/// of the open ones, not of every task ever kept.
/// </summary>
public sealed class TaskIndex(StorageAccount storage)
{
    /// <summary>The partition of every open task; '|' is never part of an organisation id.</summary>
    public const string OpenPartition = "open|";

    private const string DateFormat = "yyyy-MM-dd";
    private readonly TableClient _table = storage.Table(TableNames.Tasks);

    /// <summary>
    /// Puts the task's current state in its organisation's list. A task only ever moves from open to
    /// done or cancelled, so a row already closed is never set back to open by a late projection; two
    /// projections racing meet on the row's ETag and the loser reads again.
    /// </summary>
    public async Task UpsertAsync(FollowUpTask task, string personId, bool asLead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var rowKey = RowKey(task.DueOn, task.Id);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(task.OrganisationId, rowKey, cancellationToken: cancellationToken);
            var current = existing.HasValue ? existing.Value : null;
            if (current?.GetString("Status") is { } stored
                && ((stored != nameof(FollowUpTaskStatus.Open) && task.Status == FollowUpTaskStatus.Open)
                    || (stored == task.Status.ToString() && current.GetString("AssignedWorkerId") == task.AssignedWorkerId && current.GetBoolean("AsLead") == asLead)))
            {
                // Never reopened by a late projection; nothing new to write here. The open row follows the
                // stored one every time: a projection that lost a race, or died between the two writes, may
                // have left it from a stale state.
                await SetOpenAsync(task with { Status = Enum.Parse<FollowUpTaskStatus>(stored) }, rowKey, cancellationToken);
                return;
            }

            var row = Row(task, personId, asLead);
            try
            {
                // Before the organisation's row: if this fails, that row still says the projection is owed.
                await SetOpenAsync(task, rowKey, cancellationToken);
                if (current is null)
                {
                    await _table.AddEntityAsync(row, cancellationToken);
                }
                else
                {
                    await _table.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 5)
            {
                // Another projection of the same person wrote first: read again.
            }
        }
    }

    /// <summary>How many open tasks of each kind were due before <paramref name="today"/>, across every organisation.</summary>
    public async Task<IReadOnlyDictionary<TaskKind, int>> OverdueByKindAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<TaskKind, int>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition} and RowKey lt {Day(today)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["Kind"], cancellationToken: cancellationToken))
        {
            var kind = Enum.Parse<TaskKind>(row.GetString("Kind"));
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }

        return counts;
    }

    /// <summary>A page of the organisation's tasks, soonest due first.</summary>
    public async Task<(IReadOnlyList<IndexedTask> Items, string? ContinuationToken)> ListAsync(
        string organisationId, TaskListStatus status, TaskKind? kind, string? assignedWorkerId, DateOnly today, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var open = nameof(FollowUpTaskStatus.Open);
        var filters = new List<string>
        {
            status switch
            {
                TaskListStatus.Overdue => TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and RowKey lt {Day(today)} and Status eq {open}"),
                TaskListStatus.DueSoon => TableClient.CreateQueryFilter(
                    $"PartitionKey eq {organisationId} and RowKey ge {Day(today)} and RowKey lt {Day(today.AddDays(TaskRules.DueSoonDays + 1))} and Status eq {open}"),
                TaskListStatus.All => TableClient.CreateQueryFilter($"PartitionKey eq {organisationId}"),
                _ => TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and Status eq {StatusOf(status).ToString()}"),
            },
        };
        if (kind is { } k)
        {
            filters.Add(TableClient.CreateQueryFilter($"Kind eq {k.ToString()}"));
        }

        if (assignedWorkerId is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"AssignedWorkerId eq {assignedWorkerId}"));
        }

        return await paging.ReadAsync(_table, string.Join(" and ", filters), Read, cancellationToken);
    }

    private async Task SetOpenAsync(FollowUpTask task, string rowKey, CancellationToken cancellationToken)
    {
        if (task.Status == FollowUpTaskStatus.Open)
        {
            await _table.UpsertEntityAsync(new TableEntity(OpenPartition, rowKey) { ["Kind"] = task.Kind.ToString() }, TableUpdateMode.Replace, cancellationToken);
        }
        else
        {
            await _table.DeleteEntityAsync(OpenPartition, rowKey, ETag.All, cancellationToken); // the SDK answers a row already gone without throwing
        }
    }

    private static FollowUpTaskStatus StatusOf(TaskListStatus status) => status switch
    {
        TaskListStatus.Done => FollowUpTaskStatus.Done,
        TaskListStatus.Cancelled => FollowUpTaskStatus.Cancelled,
        _ => FollowUpTaskStatus.Open,
    };

    private static string RowKey(DateOnly dueOn, string taskId) => Day(dueOn) + "|" + taskId;

    private static string Day(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static TableEntity Row(FollowUpTask task, string personId, bool asLead) => new(task.OrganisationId, RowKey(task.DueOn, task.Id))
    {
        ["TaskId"] = task.Id,
        ["CaseId"] = task.CaseId,
        ["PersonId"] = personId,
        ["Kind"] = task.Kind.ToString(),
        ["Status"] = task.Status.ToString(),
        ["DueOn"] = Day(task.DueOn),
        ["AssignedWorkerId"] = task.AssignedWorkerId,
        ["CompletedOn"] = task.CompletedOn is { } completed ? Day(completed) : null,
        ["AsLead"] = asLead,
    };

    private static IndexedTask Read(TableEntity e) => new(
        e.GetString("TaskId"),
        e.GetString("CaseId"),
        e.GetString("PersonId"),
        Enum.Parse<TaskKind>(e.GetString("Kind")),
        DateOnly.ParseExact(e.GetString("DueOn"), DateFormat, CultureInfo.InvariantCulture),
        Enum.Parse<FollowUpTaskStatus>(e.GetString("Status")),
        e.GetString("AssignedWorkerId"),
        e.GetString("CompletedOn") is { } completed ? DateOnly.ParseExact(completed, DateFormat, CultureInfo.InvariantCulture) : null,
        e.GetBoolean("AsLead") ?? false);
}
