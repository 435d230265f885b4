using InclusionCases.Domain.Referrals;

namespace InclusionCases.Functions.Referrals.Contracts;

/// <summary>
/// A referral: who asked whom to take part in which case, and where it went. <c>expiresAt</c> is set
/// while it is pending; <c>declineReason</c> and <c>note</c> once declined, <c>outcome</c> once
/// completed; <c>closedAt</c> once it reached a final status.
/// </summary>
public sealed record ReferralResponse(
    string Id,
    string CaseId,
    string FromOrganisationId,
    string ToOrganisationId,
    string Reason,
    ReferralStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt,
    DateTimeOffset? ExpiresAt,
    DeclineReason? DeclineReason,
    string? Note,
    string? Outcome,
    DateTimeOffset? ClosedAt)
{
    /// <summary>The referral as stored, or as it stands now (see <see cref="ReferralMoves.AsOf"/>), with its expiry while pending.</summary>
    public static ReferralResponse From(Referral r, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.Id, r.CaseId, r.FromOrganisationId, r.ToOrganisationId, r.Reason, r.Status, r.CreatedAt, r.DecidedAt,
            r.Status == ReferralStatus.Pending ? expiresAt : null, r.DeclineReason, r.Note, r.Outcome, r.ClosedAt);
    }
}
