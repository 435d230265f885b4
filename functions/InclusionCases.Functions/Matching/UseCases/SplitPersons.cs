using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Matching.UseCases;

/// <summary>
/// Splits two linked records: they are two persons again, on the same terms as linking them. The link
/// stays in both files, marked split, so the pair is never proposed as one person again.
/// </summary>
public sealed class SplitPersons(PersonFileStore store, PersonFileWriter writer, AuditLog audit, TimeProvider clock)
{
    public async Task ExecuteAsync(Caller caller, string personId, string linkId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!PersonLinkIds.IsValid(linkId) || !RecordIds.IsPersonId(personId))
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundLink);
        }

        // The other record is named by the link; one the caller may not read is answered like no link at all.
        var named = (await store.LoadAsync(personId, cancellationToken)).Links.FirstOrDefault(l => l.Value.Id == linkId)?.Value;
        var now = clock.GetUtcNow();
        var (one, other) = await PersonPair.OpenAsync(store, audit, caller, ApiOperation.SplitPersons, personId, named?.OtherPersonId ?? personId, "linkId", otherNamedByLink: true, now, cancellationToken);
        // Split in both files already (or never a link): nothing to split. Split in one only (a call cut short): finished here.
        var files = new[] { one, other };
        if (named is null || !files.Any(f => f.Links.Any(l => l.Value.Id == linkId && l.Value.IsActive)))
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundLink);
        }

        foreach (var file in files)
        {
            if (file.Links.FirstOrDefault(l => l.Value.Id == linkId) is { Value.IsActive: true } stored)
            {
                var change = writer.Begin(file.PersonId, caller, "person.split");
                change.Replace(CaseEntities.ToEntity(stored.Value with { SplitAt = now, SplitBy = caller.Id }), stored.ETag);
                await writer.CommitAsync(change, cancellationToken);
            }
        }
    }
}
