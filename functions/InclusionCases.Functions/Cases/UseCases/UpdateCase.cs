using System.Text.Json;
using InclusionCases.Domain.Access;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Persons;
using InclusionCases.Domain.Time;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Cases.UseCases;

/// <summary>
/// Changes a case under <c>If-Match</c> (merge semantics): workflow moves as <see cref="CaseWorkflow"/>
/// allows, and person fields only by a holder's social worker (and never once the person's data was
/// erased). One read of the person's file, then one commit: two sequential round trips.
/// </summary>
public sealed class UpdateCase(PersonFileAccess files, PersonFileWriter writer, IdentifierHasher hasher, TimeProvider clock)
{
    public async Task<(CaseResponse Case, string ETag)> ExecuteAsync(Caller caller, string caseId, string? ifMatch, UpdateCaseRequest request, JsonElement json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            throw new ApiProblemException(ProblemTypes.PreconditionRequired, ApiText.SendIfMatchCase);
        }

        var errors = new FieldErrors();
        CaseInput.ValidateWorkerId(errors, request.AssignedWorkerId);
        CaseDates.Validate(errors, request, clock.GetUtcNow());
        if (PersonInputValidation.Has(json, "status") && request.Status is null)
        {
            errors.Add("status", ApiText.CaseAlwaysHasStatus);
        }

        if (request.Piis is { SignedOn: null })
        {
            errors.Add("piis.signedOn", ApiText.PiisNeedsSigningDate);
        }

        var personSent = PersonInputValidation.Has(json, "person");
        if (request.Person is not null)
        {
            PersonInputValidation.Validate(errors, "person", request.Person, json.GetProperty("person"), PlausibleDates.Today(clock.GetUtcNow()));
        }
        else if (personSent)
        {
            errors.Add("person", ApiText.PersonCannotBeRemoved);
        }

        errors.ThrowIfAny();

        var (file, stored) = await files.LoadCaseForChangeAsync(caller, ApiOperation.UpdateCase, caseId, cancellationToken);
        var now = clock.GetUtcNow();
        var access = file.Access;
        if (personSent)
        {
            PersonFileAccess.Require(AccessPolicy.Decide(caller, ApiOperation.EditPerson, access, caseId, now), RecordKind.Case);
        }

        var current = stored.Value;
        // The PIIS is the lead's contract with the person; its reviews are the lead's tasks.
        if (PersonInputValidation.Has(json, "piis") && current.LeadOrganisationId != caller.OrganisationId)
        {
            throw ApiProblemException.Forbidden(ApiText.ForbiddenOnCase);
        }

        CaseDates.ThrowIfClosedBeforeOpened(request, current, now);
        if (ifMatch.Trim() != "*" && ifMatch.Trim().TrimStart('W', '/') != CaseProjection.ETag(current))
        {
            throw new ApiProblemException(ProblemTypes.PreconditionFailed, ApiText.CaseChanged);
        }

        var updated = Apply(current, request, json);
        var move = CaseWorkflow.Check(current.Status, updated.Status, updated.Housing, updated.Closure);
        if (!move.Allowed)
        {
            throw ApiProblemException.Conflict(move.Problem!, new Dictionary<string, object>
            {
                ["currentStatus"] = CaseWorkflow.Name(current.Status),
                ["allowed"] = move.AllowedMoves.Select(CaseWorkflow.Name).ToArray(),
            });
        }

        var person = file.Person!.Value;
        var newPerson = request.Person is null ? person : PersonInputValidation.Merge(person, request.Person, json.GetProperty("person"), PersonInputValidation.IdentifierHashes(request.Person.Identifiers, PlausibleDates.Today(now), hasher));
        var changedFields = ChangedFields(current, updated, person, newPerson);
        if (changedFields.Count == 0 && updated.Status == current.Status)
        {
            return (CaseProjection.For(caller, current, person, access, now), CaseProjection.ETag(current));
        }

        var change = writer.Begin(current.PersonId, caller, "case.updated");
        updated = updated with { UpdatedAt = change.Now, Version = current.Version + 1 };
        change.Replace(CaseEntities.ToEntity(updated), stored.ETag);
        if (newPerson != person)
        {
            change.Replace(CaseEntities.ToEntity(newPerson, file.PersonCreatedAt, change.Now), file.Person.ETag);
        }

        if (updated.Status != current.Status)
        {
            change.Timeline(updated, TimelineKind.StatusChanged, new Dictionary<string, string>
            {
                ["from"] = CaseWorkflow.Name(current.Status),
                ["to"] = CaseWorkflow.Name(updated.Status),
            });
        }

        if (changedFields.Count > 0)
        {
            change.Timeline(updated, TimelineKind.Updated, new Dictionary<string, string> { ["fields"] = string.Join(',', changedFields) }, after: TimeSpan.FromTicks(1));
        }

        await writer.CommitAsync(change, cancellationToken);
        return (CaseProjection.For(caller, updated, newPerson, access, change.Now), CaseProjection.ETag(updated));
    }

    private static CaseFile Apply(CaseFile c, UpdateCaseRequest request, JsonElement json)
    {
        var housing = c.Housing;
        if (PersonInputValidation.Has(json, "housing"))
        {
            var sent = json.GetProperty("housing");
            housing = request.Housing is null ? null : new Housing(
                PersonInputValidation.Has(sent, "moveInDate") ? request.Housing.MoveInDate : housing?.MoveInDate,
                PersonInputValidation.Has(sent, "tenancyStatus") ? request.Housing.TenancyStatus : housing?.TenancyStatus);
        }

        var closure = c.Closure;
        if (PersonInputValidation.Has(json, "closure"))
        {
            var sent = json.GetProperty("closure");
            closure = request.Closure is null ? null : new Closure(
                PersonInputValidation.Has(sent, "reason") ? request.Closure.Reason : closure?.Reason,
                PersonInputValidation.Has(sent, "date") ? request.Closure.Date : closure?.Date);
        }

        return c with
        {
            Status = request.Status ?? c.Status,
            AssignedWorkerId = PersonInputValidation.Has(json, "assignedWorkerId") ? request.AssignedWorkerId : c.AssignedWorkerId,
            Housing = housing is { MoveInDate: null, TenancyStatus: null } ? null : housing,
            Closure = closure is { Reason: null, Date: null } ? null : closure,
            Piis = PersonInputValidation.Has(json, "piis") ? (request.Piis is { SignedOn: { } signedOn } ? new Piis(signedOn) : null) : c.Piis,
        };
    }

    private static List<string> ChangedFields(CaseFile before, CaseFile after, Person personBefore, Person personAfter)
    {
        var fields = new List<string>();
        if (before.AssignedWorkerId != after.AssignedWorkerId)
        {
            fields.Add("assignedWorkerId");
        }

        if (before.Housing != after.Housing)
        {
            fields.Add("housing");
        }

        if (before.Closure != after.Closure)
        {
            fields.Add("closure");
        }

        if (before.Piis != after.Piis)
        {
            fields.Add("piis");
        }

        if (personBefore.DisplayName != personAfter.DisplayName || personBefore.BirthYear != personAfter.BirthYear
            || personBefore.Gender != personAfter.Gender || !personBefore.Languages.SequenceEqual(personAfter.Languages)
            || !personBefore.IdentifierHashes.SequenceEqual(personAfter.IdentifierHashes))
        {
            fields.Add("person");
        }

        if (personBefore.Sensitive != personAfter.Sensitive)
        {
            fields.Add("person.sensitive");
        }

        return fields;
    }
}
