using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Time;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Tasks.Contracts;

namespace InclusionCases.Functions.Tasks.UseCases;

/// <summary>Reads a task, for whoever may read its case, with the ETag a change of it needs.</summary>
public sealed class GetTask(PersonFileAccess files, TimeProvider clock)
{
    public async Task<(TaskResponse Task, string ETag)> ExecuteAsync(Caller caller, string taskId, CancellationToken cancellationToken)
    {
        var (_, stored) = await files.ReadTaskAsync(caller, taskId, cancellationToken);
        return (TaskResponse.From(stored.Value, PlausibleDates.Today(clock.GetUtcNow()), caller.OrganisationId), TaskETag.Of(stored.Value));
    }
}
