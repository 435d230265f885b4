using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Cases.UseCases;

/// <summary>
/// The cases the caller's organisation sees, newest change first, from its index. The index is
/// written asynchronously and a participant's sight depends on consent, which can be revoked or
/// expire at any moment, so participant rows are checked against the person's file before listing.
/// </summary>
public sealed class ListCases(OrganisationCaseIndex index, PersonFileStore store, AuditLog audit, TimeProvider clock)
{
    public async Task<PageResponse<CaseSummary>> ExecuteAsync(Caller caller, CaseStatus? status, CaseType? type, bool assignedToMe, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (rows, token) = await audit.BesideAsync(
            AuditAction.CaseList,
            "organisation/" + caller.OrganisationId,
            null,
            () => index.ListAsync(caller.OrganisationId, status, type, assignedToMe ? caller.Id : null, paging, cancellationToken),
            cancellationToken);

        var now = clock.GetUtcNow();
        var checks = rows.Where(r => !r.AsLead).Select(r => r.PersonId).Distinct()
            .ToDictionary(p => p, p => store.LoadAsync(p, cancellationToken));
        await Task.WhenAll(checks.Values);
        var items = rows.Where(r => r.AsLead || StillVisible(caller, r, checks[r.PersonId].Result, now))
            .Select(r => new CaseSummary(r.CaseId, r.Type, r.Status, r.LeadOrganisationId, r.AssignedWorkerId, r.CreatedAt, r.UpdatedAt))
            .ToList();
        return new PageResponse<CaseSummary>(items, Paging.Encode(token));
    }

    private static bool StillVisible(Caller caller, IndexedCase row, PersonPartition file, DateTimeOffset now)
    {
        var access = file.Access;
        return access.Case(row.CaseId) is { } c && access.Sees(caller.OrganisationId, c, now);
    }
}
