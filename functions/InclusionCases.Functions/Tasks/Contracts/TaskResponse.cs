using InclusionCases.Domain.Tasks;

namespace InclusionCases.Functions.Tasks.Contracts;

/// <summary>A follow-up task, as <c>GET /api/tasks/{taskId}</c> answers it (with its ETag); <c>title</c> and <c>outcome</c> of a custom task only to its organisation.</summary>
public sealed record TaskResponse(
    string Id,
    string CaseId,
    TaskKind Kind,
    string? Title,
    DateOnly DueOn,
    FollowUpTaskStatus Status,
    bool Overdue,
    string OrganisationId,
    string? AssignedWorkerId,
    string? Outcome,
    DateTimeOffset CreatedAt,
    DateOnly? CompletedOn)
{
    /// <summary>
    /// The task as <paramref name="viewerOrganisationId"/> may see it: what a worker wrote (a custom
    /// title, an outcome) is free text about the person, for the task's own organisation only, as an
    /// organisation note is; other organisations that see the case see when and what kind. The
    /// export (null viewer) shows everything.
    /// </summary>
    public static TaskResponse From(FollowUpTask task, DateOnly today, string? viewerOrganisationId = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var own = viewerOrganisationId is null || viewerOrganisationId == task.OrganisationId;
        var title = own || task.Kind != TaskKind.Custom ? task.Title : null;
        var outcome = own || task.Outcome is null || TaskOutcomes.All.Contains(task.Outcome) ? task.Outcome : null;
        return new(task.Id, task.CaseId, task.Kind, title, task.DueOn, task.Status, task.IsOverdue(today), task.OrganisationId, task.AssignedWorkerId, outcome, task.CreatedAt, task.CompletedOn);
    }
}
