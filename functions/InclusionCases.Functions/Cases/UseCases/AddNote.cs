using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Cases.UseCases;

/// <summary>Adds a shared or organisation-only note to a case's timeline (partners add shared notes only).</summary>
public sealed class AddNote(PersonFileAccess files, PersonFileWriter writer)
{
    public async Task<TimelineItem> ExecuteAsync(Caller caller, string caseId, NoteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        errors.Required("text", request.Text, FieldErrors.MaxNoteLength, allowLineBreaks: true);
        if (request.Visibility is null)
        {
            errors.Add("visibility", ApiText.NoteVisibilityRequired);
        }

        errors.ThrowIfAny();
        var (_, stored) = await files.LoadCaseForChangeAsync(caller, ApiOperation.AddNote, caseId, cancellationToken);
        var organisationOnly = request.Visibility == NoteVisibility.Organisation;
        if (!AccessPolicy.MayWriteNote(caller, organisationOnly))
        {
            throw ApiProblemException.Forbidden(ApiText.PartnersSharedNotesOnly);
        }

        var change = writer.Begin(stored.Value.PersonId, caller, "note.added");
        var entry = new TimelineEntry(RecordIds.NewEntryId(), caseId, TimelineKind.Note, change.Now, caller.Id, caller.OrganisationId, organisationOnly, request.Text, null);
        await writer.CommitAsync(change.Add(CaseEntities.ToEntity(entry, stored.Value.PersonId)), cancellationToken);
        return CaseProjection.Item(entry);
    }
}
