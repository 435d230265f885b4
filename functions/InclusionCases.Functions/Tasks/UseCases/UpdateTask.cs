using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Tasks;
using InclusionCases.Domain.Time;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Tasks.Contracts;

namespace InclusionCases.Functions.Tasks.UseCases;

/// <summary>
/// Closes an open task as done or cancelled under <c>If-Match</c> (428 without it, 412 when the task
/// changed since it was read): only its organisation's social workers, on a case they still see; a
/// task already closed does not move again (409). Answers the closed task with its new ETag.
/// </summary>
public sealed class UpdateTask(PersonFileAccess files, PersonFileWriter writer, TimeProvider clock)
{
    public async Task<(TaskResponse Task, string ETag)> ExecuteAsync(Caller caller, string taskId, string? ifMatch, UpdateTaskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            throw new ApiProblemException(ProblemTypes.PreconditionRequired, ApiText.SendIfMatchTask);
        }

        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        if (request.Status is not (FollowUpTaskStatus.Done or FollowUpTaskStatus.Cancelled))
        {
            errors.Add("status", ApiText.TaskStatusDoneOrCancelled);
        }

        errors.Optional("outcome", request.Outcome, UpdateTaskRequest.MaxOutcomeLength, allowLineBreaks: true);
        errors.ThrowIfAny();

        var (file, stored) = await files.LoadTaskForChangeAsync(caller, taskId, cancellationToken);
        var task = stored.Value;
        if (task.OrganisationId != caller.OrganisationId)
        {
            throw ApiProblemException.Forbidden(ApiText.TaskOfAnotherOrganisation);
        }

        // Closing is workflow and stays possible after erasure; writing about the person is not.
        if (file.Person?.Value.ErasedAt is not null && !string.IsNullOrWhiteSpace(request.Outcome))
        {
            throw new ApiProblemException(ProblemTypes.Erased, ApiText.PersonErasedNoWrite);
        }

        if (request.CompletedOn is { } completedOn && PlausibleDates.CheckPast(completedOn, now, PlausibleDates.DayOf(task.CreatedAt)) is { } problem)
        {
            throw ApiProblemException.Invalid("completedOn", problem);
        }

        if (ifMatch.Trim() is var wanted && wanted != "*" && wanted != TaskETag.Of(task))
        {
            throw new ApiProblemException(ProblemTypes.PreconditionFailed, ApiText.TaskChanged);
        }

        if (task.Status != FollowUpTaskStatus.Open)
        {
            throw ApiProblemException.Conflict(ApiText.TaskAlreadyClosed(task.Status.ToString().ToLowerInvariant()));
        }

        // A check-in task is done by the check-in itself: marking it done would silence the reminder while the address lapses.
        if (task.Kind == TaskKind.ReferenceAddressCheckIn && request.Status == FollowUpTaskStatus.Done)
        {
            throw ApiProblemException.Conflict(ApiText.RecordTheCheckIn);
        }

        var change = writer.Begin(RecordIds.PersonOfTask(taskId)!, caller, "task.updated");
        var closed = task with
        {
            Status = request.Status!.Value,
            Outcome = string.IsNullOrWhiteSpace(request.Outcome) ? null : request.Outcome,
            CompletedOn = request.CompletedOn ?? PlausibleDates.Today(now),
        };
        await writer.CommitAsync(change.Replace(CaseEntities.ToEntity(closed, change.PersonId), stored.ETag), cancellationToken);
        return (TaskResponse.From(closed, PlausibleDates.Today(now), caller.OrganisationId), TaskETag.Of(closed));
    }
}
