using InclusionCases.Domain.Tasks;

namespace InclusionCases.Functions.Tasks;

/// <summary>A row of an organisation's task list, as the projector last wrote it.</summary>
public sealed record IndexedTask(
    string TaskId,
    string CaseId,
    string PersonId,
    TaskKind Kind,
    DateOnly DueOn,
    FollowUpTaskStatus Status,
    string? AssignedWorkerId,
    DateOnly? CompletedOn,
    bool AsLead);
