using InclusionCases.Domain.Access;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Persons;
using InclusionCases.Domain.Text;
using InclusionCases.Domain.Time;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Cases.UseCases;

/// <summary>
/// Opens a case led by the caller's organisation, for a new person or for one the organisation
/// already holds (only a holder may open another case for a person: a participant is refused, so
/// it can never make itself a holder).
/// </summary>
public sealed class CreateCase(PersonFileAccess files, PersonFileWriter writer, IdentifierHasher hasher, TimeProvider clock)
{
    public async Task<(CaseResponse Case, string ETag)> ExecuteAsync(Caller caller, CreateCaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        if (request.Type is null)
        {
            errors.Add("type", ApiText.CaseTypeRequired);
        }

        if ((request.Person is null) == (request.PersonId is null))
        {
            errors.Add("person", ApiText.PersonOrPersonId);
        }

        if (request.Person is not null)
        {
            PersonInputValidation.Validate(errors, "person", request.Person, null, PlausibleDates.Today(clock.GetUtcNow()));
        }

        if (request.PersonId is not null && !RecordIds.IsPersonId(request.PersonId))
        {
            errors.Add("personId", DomainText.NotAPersonId);
        }

        CaseInput.ValidateWorkerId(errors, request.AssignedWorkerId);
        errors.ThrowIfAny();

        Person person;
        PersonAccess before;
        PersonChange change;
        if (request.PersonId is { } knownId)
        {
            var file = await files.LoadPersonForChangeAsync(caller, ApiOperation.OpenCaseForPerson, knownId, "personId", cancellationToken);
            (person, before) = (file.Person!.Value, file.Access);
            change = writer.Begin(person.Id, caller, "case.created");
        }
        else
        {
            var identifiers = PersonInputValidation.IdentifierHashes(request.Person!.Identifiers, PlausibleDates.Today(clock.GetUtcNow()), hasher);
            person = PersonInputValidation.Create(RecordIds.NewPersonId(), request.Person!, identifiers);
            before = PersonAccess.New;
            change = writer.Begin(person.Id, caller, "case.created");
            change.Add(CaseEntities.ToEntity(person, change.Now, change.Now));
        }

        var caseFile = new CaseFile(
            RecordIds.NewCaseId(person.Id), person.Id, request.Type!.Value, CaseStatus.Intake, caller.OrganisationId, [],
            request.AssignedWorkerId, null, null, null, change.Now, change.Now, 1);
        if (request.PersonId is null)
        {
            // Nothing was read: the attempt is the creation itself, audited with the commit.
            RequestAudit.Current?.Attempt(AuditAction.CaseCreate, "case/" + caseFile.Id, person.Id, change.Now);
        }

        change.Add(CaseEntities.ToEntity(caseFile))
            .Timeline(caseFile, TimelineKind.Created, new Dictionary<string, string> { ["type"] = CaseInput.Name(caseFile.Type) });
        await writer.CommitAsync(change, cancellationToken);

        var after = before with { Cases = [.. before.Cases, new CaseAccess(caseFile.Id, caseFile.LeadOrganisationId, [])] };
        return (CaseProjection.For(caller, caseFile, person, after, change.Now), CaseProjection.ETag(caseFile));
    }
}
