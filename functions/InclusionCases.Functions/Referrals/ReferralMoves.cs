using InclusionCases.Domain.Access;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Referrals;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;
using Microsoft.Extensions.Options;

namespace InclusionCases.Functions.Referrals;

/// <summary>
/// What every move on a referral checks first, in this order: a referral id; the attempt audited; the
/// person's file read once; the caller's side and sight of the referral (404, 403, 410, decided by
/// <see cref="AccessPolicy.DecideOnReferral"/>); then the workflow: a move not possible from the
/// referral's status now (a pending referral past its expiry counts as expired) is a 409 with
/// <c>currentStatus</c> and the moves <c>allowed</c> from it.
/// </summary>
public sealed class ReferralMoves(PersonFileStore store, IOptions<ReferralOptions> options, TimeProvider clock)
{
    /// <summary>The file, the referral and its case, once <paramref name="operation"/> may be made on it.</summary>
    public async Task<(PersonPartition File, Stored<Referral> Referral, Stored<CaseFile> Case)> LoadAsync(Caller caller, ApiOperation operation, string referralId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var personId = RecordIds.PersonOfReferral(referralId) ?? throw ApiProblemException.Invalid("referralId", ApiText.NotAReferralId);
        var now = clock.GetUtcNow();
        RequestAudit.Current?.Attempt(AuditAction.Of(operation), "referral/" + referralId, personId, now);
        var file = await store.LoadAsync(personId, cancellationToken);
        var stored = file.Referral(referralId);
        PersonFileAccess.Require(
            stored is null ? AccessDecision.NotFound : AccessPolicy.DecideOnReferral(caller, operation, file.Access, AccessOf(stored.Value, now), now),
            RecordKind.Referral);

        var status = ReferralWorkflow.StatusAt(stored!.Value, now, options.Value.PendingDays);
        if (ReferralWorkflow.After(status, AccessPolicy.MoveOf(operation)) is null)
        {
            throw ApiProblemException.Conflict(ApiText.ReferralCannotMove(ReferralWorkflow.Name(status)), new Dictionary<string, object>
            {
                ["currentStatus"] = ReferralWorkflow.Name(status),
                ["allowed"] = ReferralWorkflow.MovesFrom(status).Where(m => ReferralWorkflow.SideOf(m) != ReferralSide.System).Select(ReferralWorkflow.Name).ToArray(),
            });
        }

        var caseRow = file.Case(stored.Value.CaseId) ?? throw ApiProblemException.NotFound(ApiText.NotFoundReferral);
        return (file, stored, caseRow);
    }

    /// <summary>What the access policy needs of a referral at <paramref name="now"/>: a pending one past its expiry is no longer an invitation.</summary>
    public ReferralAccess AccessOf(Referral referral, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return new(referral.CaseId, referral.FromOrganisationId, referral.ToOrganisationId, ReferralWorkflow.StatusAt(referral, now, options.Value.PendingDays) == ReferralStatus.Pending);
    }

    /// <summary>The referral as it stands at <paramref name="now"/>: a pending one past its expiry reads as expired.</summary>
    public Referral AsOf(Referral referral, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return referral with { Status = ReferralWorkflow.StatusAt(referral, now, options.Value.PendingDays) };
    }

    /// <summary>When a pending referral made at <paramref name="createdAt"/> expires.</summary>
    public DateTimeOffset ExpiresAt(DateTimeOffset createdAt) => ReferralWorkflow.ExpiresAt(createdAt, options.Value.PendingDays);
}
