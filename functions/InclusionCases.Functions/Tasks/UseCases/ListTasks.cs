using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Tasks;
using InclusionCases.Domain.Time;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Tasks.Contracts;

namespace InclusionCases.Functions.Tasks.UseCases;

/// <summary>
/// The caller's organisation's tasks (or those assigned to the caller), soonest due first, from the
/// organisation's index partition. As for the case list, a task on a case the organisation takes part
/// in (rather than leads) is checked against the person's file first: a participant whose consent
/// ended no longer sees the case, nor its tasks.
/// </summary>
public sealed class ListTasks(TaskIndex index, PersonFileStore store, AuditLog audit, TimeProvider clock)
{
    public async Task<PageResponse<TaskSummary>> ExecuteAsync(Caller caller, TaskListScope scope, TaskListStatus status, TaskKind? kind, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow();
        var today = PlausibleDates.Today(now);
        var (rows, token) = await audit.BesideAsync(
            AuditAction.TaskList,
            "organisation/" + caller.OrganisationId,
            null,
            () => index.ListAsync(caller.OrganisationId, status, kind, scope == TaskListScope.Me ? caller.Id : null, today, paging, cancellationToken),
            cancellationToken);

        var checks = rows.Where(r => !r.AsLead).Select(r => r.PersonId).Distinct()
            .ToDictionary(p => p, p => store.LoadAsync(p, cancellationToken));
        await Task.WhenAll(checks.Values);
        var items = rows
            .Where(r => r.AsLead || (checks[r.PersonId].Result.Access is var access && access.Case(r.CaseId) is { } c && access.Sees(caller.OrganisationId, c, now)))
            .Select(r => new TaskSummary(r.TaskId, r.CaseId, r.Kind, r.DueOn, r.Status, r.Status == FollowUpTaskStatus.Open && r.DueOn < today, r.AssignedWorkerId, r.CompletedOn))
            .ToList();
        return new PageResponse<TaskSummary>(items, Paging.Encode(token));
    }
}
