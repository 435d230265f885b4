using InclusionCases.Domain.Access;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Tasks;
using InclusionCases.Domain.Time;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Tasks.Contracts;

namespace InclusionCases.Functions.Tasks.UseCases;

/// <summary>
/// A task a social worker writes on a case their organisation sees (as lead or participant): it is
/// that organisation's to-do. A closed case takes no new task; nothing more is written about an
/// erased person.
/// </summary>
public sealed class CreateTask(PersonFileAccess files, PersonFileWriter writer, TimeProvider clock)
{
    /// <summary>How far ahead a task may be due.</summary>
    public const int MaxYearsAhead = 2;

    public async Task<TaskResponse> ExecuteAsync(Caller caller, string caseId, CreateTaskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var today = PlausibleDates.Today(clock.GetUtcNow());
        var errors = new FieldErrors();
        errors.Required("title", request.Title, FieldErrors.MaxNameLength);
        if (request.DueOn is not { } due || due < today || due > today.AddYears(MaxYearsAhead))
        {
            errors.Add("dueOn", ApiText.DueOnRange(MaxYearsAhead));
        }

        errors.OptionalWorkerId("assignedWorkerId", request.AssignedWorkerId);
        errors.ThrowIfAny();

        var (_, stored) = await files.LoadCaseForChangeAsync(caller, ApiOperation.CreateTask, caseId, cancellationToken);
        if (stored.Value.Status == CaseStatus.Closed)
        {
            throw ApiProblemException.Conflict(ApiText.CaseClosedNoTask);
        }

        var personId = stored.Value.PersonId;
        var change = writer.Begin(personId, caller, "task.created");
        var task = new FollowUpTask(
            RecordIds.NewTaskId(personId), caseId, TaskKind.Custom, null, request.Title!.Trim(), request.DueOn!.Value, FollowUpTaskStatus.Open,
            caller.OrganisationId, request.AssignedWorkerId, null, change.Now, null);
        change.Add(CaseEntities.ToEntity(task, personId))
            .Notify(WebhookEventTypes.TaskDue, task.OrganisationId, caseId, taskId: task.Id, notBefore: PlausibleDates.StartOf(task.DueOn));
        await writer.CommitAsync(change, cancellationToken);
        return TaskResponse.From(task, today);
    }
}
