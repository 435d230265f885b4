using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Cases.UseCases;

/// <summary>Reads a case as the caller may see it (<c>person.sensitive</c> only where allowed).</summary>
public sealed class GetCase(PersonFileAccess files, TimeProvider clock)
{
    public async Task<(CaseResponse Case, string ETag)> ExecuteAsync(Caller caller, string caseId, CancellationToken cancellationToken)
    {
        var (file, stored) = await files.ReadCaseAsync(caller, ApiOperation.ReadCase, caseId, cancellationToken);
        return (CaseProjection.For(caller, stored.Value, file.Person!.Value, file.Access, clock.GetUtcNow()), CaseProjection.ETag(stored.Value));
    }
}
