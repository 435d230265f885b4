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
        var (one, other) = await PersonPair.OpenAsync(store, audit, caller, ApiOperation.LinkPersons, personId, request.OtherPersonId!, "otherPersonId", otherNamedByLink: false, now, cancellationToken);
        var oneSide = ActiveLink(one, other.PersonId);
        var otherSide = ActiveLink(other, one.PersonId);
        if (oneSide is not null && otherSide is not null)
        {
            throw ApiProblemException.Conflict(ApiText.LinkExists);
        }

        // One file, then the other. A failure between answers 503, and leaves the link in one file only:
        // the same call again finds it there and writes the other side under the same id. A half written
        // by someone else is finished too, and answered as a link that exists.
        var half = oneSide ?? (otherSide is { } reversed ? reversed with { PersonId = one.PersonId, OtherPersonId = other.PersonId } : null);
        if (half is not null && (one.Links.Any(l => l.Value.Id == half.Id && !l.Value.IsActive) || other.Links.Any(l => l.Value.Id == half.Id && !l.Value.IsActive)))
        {
            // Split in one file only: the split is to be finished first (the same DELETE again).
            throw ApiProblemException.Conflict(ApiText.LinkExists);
        }

        var link = half ?? new PersonLink(PersonLinkIds.New(), one.PersonId, other.PersonId, request.Evidence!.Trim(), caller.Id, caller.OrganisationId, now);
        foreach (var (file, row) in new[] { (one, link), (other, link with { PersonId = other.PersonId, OtherPersonId = one.PersonId }) })
        {
            if (ActiveLink(file, row.OtherPersonId) is null)
            {
                var change = writer.Begin(row.PersonId, caller, "person.linked");
                change.Add(CaseEntities.ToEntity(row));
                await writer.CommitAsync(change, cancellationToken);
            }
        }

        return half is null || half.CreatedBy == caller.Id ? PersonLinkResponse.From(link) : throw ApiProblemException.Conflict(ApiText.LinkExists);
    }

    private static PersonLink? ActiveLink(PersonPartition file, string otherPersonId) =>
        file.Links.Select(l => l.Value).FirstOrDefault(l => l.IsActive && l.OtherPersonId == otherPersonId);
}
