using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using InclusionCases.Domain.Tasks;

namespace InclusionCases.Functions.Tasks.Contracts;

/// <summary>Body of <c>PATCH /api/tasks/{taskId}</c>: closing an open task, as done or cancelled.</summary>
public sealed record UpdateTaskRequest(
    [property: Required, Description("done or cancelled; a closed task does not move again.")] FollowUpTaskStatus? Status,
    [property: MaxLength(UpdateTaskRequest.MaxOutcomeLength)] string? Outcome,
    [property: Description("When it was done; left out, today. Not in the future, not before the task was made.")] DateOnly? CompletedOn)
{
    /// <summary>The longest outcome, in characters.</summary>
    public const int MaxOutcomeLength = 2_000;
}
