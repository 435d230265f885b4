using InclusionCases.Domain.Tasks;

namespace InclusionCases.Functions.Tasks.Contracts;

/// <summary>A follow-up task, as <c>GET /api/tasks/{taskId}</c> answers it (with its ETag).</summary>
public sealed record TaskResponse(
    string Id,
    string CaseId,
    TaskKind Kind,
    string Title,
    DateOnly DueOn,
    FollowUpTaskStatus Status,
    bool Overdue,
    string OrganisationId,
    string? AssignedWorkerId,
    string? Outcome,
    DateTimeOffset CreatedAt,
    DateOnly? CompletedOn)
{
    public static TaskResponse From(FollowUpTask task, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new(task.Id, task.CaseId, task.Kind, task.Title, task.DueOn, task.Status, task.IsOverdue(today), task.OrganisationId, task.AssignedWorkerId, task.Outcome, task.CreatedAt, task.CompletedOn);
    }
}
