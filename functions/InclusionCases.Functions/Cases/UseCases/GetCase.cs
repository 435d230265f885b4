using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Cases.UseCases;

/// <summary>
/// Reads a case as the caller may see it (<c>person.sensitive</c> only where allowed), with the other
/// records of the same person that the caller also sees.
/// </summary>
public sealed class GetCase(PersonFileAccess files, LinkedPersons linked, Audit.AuditLog audit, TimeProvider clock)
{
    public async Task<(CaseResponse Case, string ETag)> ExecuteAsync(Caller caller, string caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (file, stored) = await files.ReadCaseAsync(caller, ApiOperation.ReadCase, caseId, cancellationToken);
        var now = clock.GetUtcNow();
        var read = CaseProjection.For(caller, stored.Value, file.Person!.Value, file.Access, now);
        if (file.LinkedPersonIds.Any())
        {
            // A record the caller does not see is not named: that it exists is not the caller's to know.
            var records = await linked.OfAsync(file, cancellationToken);
            var seen = records.Skip(1).Where(r => r.Access.SeesPerson(caller.OrganisationId, now)).Select(r => r.PersonId).Order(StringComparer.Ordinal).ToList();
            read = seen.Count == 0 ? read : read with { Person = read.Person with { LinkedPersonIds = seen } };
            // That they are one person is a read of each record named.
            await Task.WhenAll(seen.Select(personId => audit.WriteAsync(
                new Audit.AuditEntry(Storage.EntryIds.New(), now, caller.Id, caller.OrganisationId, Audit.AuditAction.CaseRead, "case/" + caseId, personId, Audit.AuditOutcome.Allowed), cancellationToken)));
        }

        return (read, CaseProjection.ETag(stored.Value));
    }
}
