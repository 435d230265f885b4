using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Persons;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Matching.Contracts;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Matching.UseCases;

/// <summary>
/// Links two records of one person, by a SocialWorker of an organisation holding both, or an Auditor:
/// the link is written in each person's file (through the write path), and from then on reads, exports
/// and erasure of either take in the other.
/// </summary>
public sealed class LinkPersons(PersonFileStore store, PersonFileWriter writer, AuditLog audit, TimeProvider clock)
{
    public async Task<PersonLinkResponse> ExecuteAsync(Caller caller, string personId, LinkPersonsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        errors.Required("otherPersonId", request.OtherPersonId, LinkPersonsRequest.MaxIdLength);
        errors.Required("evidence", request.Evidence, LinkPersonsRequest.MaxEvidenceLength, allowLineBreaks: true);
        if (request.OtherPersonId == personId)
        {
            errors.Add("otherPersonId", ApiText.LinkToItself);
        }

        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        var (one, other) = await PersonPair.OpenAsync(store, audit, caller, ApiOperation.LinkPersons, personId, request.OtherPersonId!, "otherPersonId", now, cancellationToken);
        if (one.LinkedPersonIds.Contains(other.PersonId) || other.LinkedPersonIds.Contains(one.PersonId))
        {
            throw ApiProblemException.Conflict(ApiText.LinkExists);
        }

        var link = new PersonLink(PersonLinkIds.New(), one.PersonId, other.PersonId, request.Evidence!.Trim(), caller.Id, caller.OrganisationId, now);
        // One file, then the other: a failure between answers 503, and the same call again finishes it.
        foreach (var row in new[] { link, link with { PersonId = other.PersonId, OtherPersonId = one.PersonId } })
        {
            var change = writer.Begin(row.PersonId, caller, "person.linked");
            change.Add(CaseEntities.ToEntity(row));
            await writer.CommitAsync(change, cancellationToken);
        }

        return PersonLinkResponse.From(link);
    }
}
