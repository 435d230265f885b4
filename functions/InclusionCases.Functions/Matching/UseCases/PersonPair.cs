using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Matching.UseCases;

/// <summary>
/// The two files a link or a split names, read together, each decided by <see cref="AccessPolicy.DecideOnLink"/>
/// and each read audited on its person (allowed or denied), so a refusal on either tells nothing the
/// caller may not know: a record it does not see is 404 as if it did not exist.
/// </summary>
internal static class PersonPair
{
    // otherNamedByLink: the other record is the one a link names (a split); one the caller may not see is
    // then answered like a link that does not exist.
    public static async Task<(PersonPartition One, PersonPartition Other)> OpenAsync(
        PersonFileStore store, AuditLog audit, Caller caller, ApiOperation operation, string personId, string otherPersonId, string otherField, bool otherNamedByLink, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!RecordIds.IsPersonId(personId))
        {
            throw ApiProblemException.NotFound(Localization.ApiText.NotFoundPerson);
        }

        if (!RecordIds.IsPersonId(otherPersonId))
        {
            throw ApiProblemException.Invalid(otherField, DomainText.NotAPersonId);
        }

        var files = await Task.WhenAll(store.LoadAsync(personId, cancellationToken), store.LoadAsync(otherPersonId, cancellationToken));
        var (one, other) = (files[0], files[1]);
        var decisions = new[] { (File: one, Decision: Decide(caller, operation, one, now)), (File: other, Decision: Decide(caller, operation, other, now)) };
        await Task.WhenAll(decisions.Where(d => d.File.Person is not null).DistinctBy(d => d.File.PersonId).Select(d => audit.WriteAsync(
            new AuditEntry(EntryIds.New(), now, caller.Id, caller.OrganisationId, AuditAction.Of(operation), "person/" + d.File.PersonId, d.File.PersonId, d.Decision == AccessDecision.Allowed ? AuditOutcome.Allowed : AuditOutcome.Denied),
            cancellationToken)));
        PersonFileAccess.Require(decisions[0].Decision, RecordKind.Person);
        if (otherNamedByLink && decisions[1].Decision == AccessDecision.NotFound)
        {
            throw ApiProblemException.NotFound(Localization.ApiText.NotFoundLink);
        }

        PersonFileAccess.Require(decisions[1].Decision, RecordKind.Person);
        return (one, other);
    }

    private static AccessDecision Decide(Caller caller, ApiOperation operation, PersonPartition file, DateTimeOffset now) =>
        AccessPolicy.DecideOnLink(caller, operation, file.Person is null ? null : file.Access, now);
}
