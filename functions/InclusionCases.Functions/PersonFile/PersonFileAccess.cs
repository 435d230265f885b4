using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;

namespace InclusionCases.Functions.PersonFile;

/// <summary>
/// Loads a person's file for a request and asks <see cref="AccessPolicy.Decide"/> whether the caller
/// may do the operation, through one case (case routes) or through any (person routes): 404 for what
/// the caller may not know exists, 403 for what it sees but may not do, 410 for a write about a
/// person whose data was erased. Reads write their audit entry beside the load; changes declare
/// theirs, and it is committed with the change (<see cref="PersonFileWriter"/>). Refusals are recorded
/// as denied by the request pipeline.
/// </summary>
public sealed class PersonFileAccess(PersonFileStore store, AuditLog audit, TimeProvider clock)
{
    /// <summary>A case's file for reading it.</summary>
    public Task<(PersonPartition File, Stored<Domain.Cases.CaseFile> Case)> ReadCaseAsync(Caller caller, ApiOperation operation, string caseId, CancellationToken cancellationToken) =>
        CaseAsync(caller, operation, caseId, forChange: false, cancellationToken);

    /// <summary>A case's file for changing it.</summary>
    public Task<(PersonPartition File, Stored<Domain.Cases.CaseFile> Case)> LoadCaseForChangeAsync(Caller caller, ApiOperation operation, string caseId, CancellationToken cancellationToken) =>
        CaseAsync(caller, operation, caseId, forChange: true, cancellationToken);

    /// <summary>A person's file for changing it through any of their cases (consents, another case).</summary>
    public async Task<PersonPartition> LoadPersonForChangeAsync(Caller caller, ApiOperation operation, string personId, string field, CancellationToken cancellationToken)
    {
        if (!RecordIds.IsPersonId(personId))
        {
            throw ApiProblemException.Invalid(field, DomainText.NotAPersonId);
        }

        var file = await LoadAsync(AuditAction.Of(operation), "person/" + personId, personId, forChange: true, cancellationToken);
        Require(file.Person is null ? AccessDecision.NotFound : AccessPolicy.Decide(caller, operation, file.Access, null, clock.GetUtcNow()), RecordKind.Person);
        return file;
    }

    /// <summary>
    /// A task's file for reading it: the task is seen by whoever may read its case (so a participant
    /// whose consent ended no longer sees the case's tasks); anyone else gets the 404 of a task that
    /// does not exist.
    /// </summary>
    public Task<(PersonPartition File, Stored<Domain.Tasks.FollowUpTask> Task)> ReadTaskAsync(Caller caller, string taskId, CancellationToken cancellationToken) =>
        TaskAsync(caller, ApiOperation.ReadTask, taskId, forChange: false, cancellationToken);

    /// <summary>A task's file for changing the task, on the same terms as its case.</summary>
    public Task<(PersonPartition File, Stored<Domain.Tasks.FollowUpTask> Task)> LoadTaskForChangeAsync(Caller caller, string taskId, CancellationToken cancellationToken) =>
        TaskAsync(caller, ApiOperation.UpdateTask, taskId, forChange: true, cancellationToken);

    /// <summary>
    /// Refuses, as a first request would be refused now, a caller who may no longer do
    /// <paramref name="operation"/> on the person (and case) a kept answer shows: an answer kept for an
    /// <c>Idempotency-Key</c> is shown again only while its caller could still obtain it.
    /// </summary>
    public async Task RequireStillAllowedAsync(Caller caller, ApiOperation operation, string personId, string? caseId, CancellationToken cancellationToken)
    {
        var file = await store.LoadAsync(personId, cancellationToken);
        Require(file.Person is null ? AccessDecision.NotFound : AccessPolicy.Decide(caller, operation, file.Access, caseId, clock.GetUtcNow()), caseId is null ? RecordKind.Person : RecordKind.Case);
    }

    /// <summary>Throws the answer of a decision other than allowed.</summary>
    public static void Require(AccessDecision decision, RecordKind what)
    {
        switch (decision)
        {
            case AccessDecision.NotFound:
                throw ApiProblemException.NotFound(what switch { RecordKind.Person => ApiText.NotFoundPerson, RecordKind.Case => ApiText.NotFoundCase, RecordKind.Task => ApiText.NotFoundTask, _ => ApiText.NotFoundReferral });
            case AccessDecision.Forbidden:
                throw ApiProblemException.Forbidden(what switch { RecordKind.Person => ApiText.ForbiddenOnPerson, RecordKind.Case => ApiText.ForbiddenOnCase, RecordKind.Task => ApiText.ForbiddenOnTask, _ => ApiText.ForbiddenOnReferral });
            case AccessDecision.Gone:
                throw new ApiProblemException(ProblemTypes.Erased, ApiText.PersonErasedNoWrite);
            default:
                return;
        }
    }

    private async Task<(PersonPartition File, Stored<Domain.Tasks.FollowUpTask> Task)> TaskAsync(Caller caller, ApiOperation operation, string taskId, bool forChange, CancellationToken cancellationToken)
    {
        var personId = RecordIds.PersonOfTask(taskId) ?? throw ApiProblemException.Invalid("taskId", ApiText.NotATaskId);
        var file = await LoadAsync(AuditAction.Of(operation), "task/" + taskId, personId, forChange, cancellationToken);
        var stored = file.Task(taskId);
        Require(stored is null || file.Person is null ? AccessDecision.NotFound : AccessPolicy.Decide(caller, operation, file.Access, stored.Value.CaseId, clock.GetUtcNow()), RecordKind.Task);
        return (file, stored!);
    }

    private async Task<(PersonPartition File, Stored<Domain.Cases.CaseFile> Case)> CaseAsync(
        Caller caller, ApiOperation operation, string caseId, bool forChange, CancellationToken cancellationToken)
    {
        var personId = RecordIds.PersonOfCase(caseId) ?? throw ApiProblemException.Invalid("caseId", ApiText.NotACaseId);
        var file = await LoadAsync(AuditAction.Of(operation), "case/" + caseId, personId, forChange, cancellationToken);
        var stored = file.Case(caseId);
        Require(stored is null || file.Person is null ? AccessDecision.NotFound : AccessPolicy.Decide(caller, operation, file.Access, caseId, clock.GetUtcNow()), RecordKind.Case);
        return (file, stored!);
    }

    private Task<PersonPartition> LoadAsync(AuditAction action, string resource, string personId, bool forChange, CancellationToken cancellationToken)
    {
        if (!forChange)
        {
            return audit.BesideAsync(action, resource, personId, () => store.LoadAsync(personId, cancellationToken), cancellationToken);
        }

        RequestAudit.Current?.Attempt(action, resource, personId, clock.GetUtcNow());
        return store.LoadAsync(personId, cancellationToken);
    }
}
