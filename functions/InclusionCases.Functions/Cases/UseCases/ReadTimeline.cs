using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Cases.UseCases;

/// <summary>A case's notes and events, newest first, without other organisations' private notes.</summary>
public sealed class ReadTimeline(PersonFileAccess files, PersonFileStore store)
{
    public async Task<PageResponse<TimelineItem>> ExecuteAsync(Caller caller, string caseId, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (_, stored) = await files.ReadCaseAsync(caller, ApiOperation.ReadTimeline, caseId, cancellationToken);
        var (entries, token) = await store.TimelineAsync(stored.Value.PersonId, caseId, caller.OrganisationId, paging, cancellationToken);
        var items = entries.Where(e => AccessPolicy.CanSeeNote(caller, e.OrganisationOnly, e.ActorOrganisationId)).Select(CaseProjection.Item).ToList();
        return new PageResponse<TimelineItem>(items, Paging.Encode(token));
    }
}
