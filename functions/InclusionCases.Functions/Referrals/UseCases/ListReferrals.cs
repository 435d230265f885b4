using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Referrals.Contracts;

namespace InclusionCases.Functions.Referrals.UseCases;

/// <summary>
/// The caller's organisation's incoming or outgoing referrals, newest first, from its index. Each is
/// shown only while the organisation may see it now (<see cref="AccessPolicy.CanSeeReferral"/>), read
/// from the persons' files: a revoked consent hides a referral at once, reason included.
/// </summary>
public sealed class ListReferrals(ReferralIndex index, PersonFileStore store, ReferralMoves moves, AuditLog audit, TimeProvider clock)
{
    public async Task<PageResponse<ReferralResponse>> ExecuteAsync(Caller caller, ReferralDirection direction, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (items, token) = await audit.BesideAsync(
            AuditAction.ReferralList, "organisation/" + caller.OrganisationId, null, () => index.ListAsync(caller.OrganisationId, direction, paging, cancellationToken), cancellationToken);
        var files = items.Select(r => RecordIds.PersonOfReferral(r.Id)!).Distinct().ToDictionary(p => p, p => store.LoadAsync(p, cancellationToken));
        await Task.WhenAll(files.Values);
        var now = clock.GetUtcNow();
        var visible = items
            .Select(r => (Indexed: r, File: files[RecordIds.PersonOfReferral(r.Id)!].Result))
            .Where(x => x.File.Referral(x.Indexed.Id) is { } current
                && AccessPolicy.CanSeeReferral(caller.OrganisationId, x.File.Access, moves.AccessOf(current.Value, now), now))
            .Select(x => x.File.Referral(x.Indexed.Id)!.Value)
            .Select(r => ReferralResponse.From(moves.AsOf(r, now), moves.ExpiresAt(r.CreatedAt)))
            .ToList();
        return new PageResponse<ReferralResponse>(visible, Paging.Encode(token));
    }
}
