using System.Globalization;
using InclusionCases.Domain.Tasks;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Tasks;

/// <summary>
/// The strong ETag of a task: a digest of everything in it that can change (status, outcome, completion
/// day, assignment, title), so a change answers the ETag of what it wrote without reading it back.
/// The write itself is still conditional on the row's own ETag, so two changes at once cannot both land.
/// </summary>
public static class TaskETag
{
    public static string Of(FollowUpTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var state = string.Join('\u001f', task.Status, task.Outcome, task.CompletedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), task.AssignedWorkerId, task.Title);
        return $"\"{EntryIds.Digest(state, 16)}\"";
    }
}
