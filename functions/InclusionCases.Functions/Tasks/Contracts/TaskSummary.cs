using InclusionCases.Domain.Tasks;

namespace InclusionCases.Functions.Tasks.Contracts;

/// <summary>A row of a task list: what is due when, on which case, for whom; no title, no outcome, nothing about the person.</summary>
public sealed record TaskSummary(
    string Id,
    string CaseId,
    TaskKind Kind,
    DateOnly DueOn,
    FollowUpTaskStatus Status,
    bool Overdue,
    string? AssignedWorkerId,
    DateOnly? CompletedOn);
