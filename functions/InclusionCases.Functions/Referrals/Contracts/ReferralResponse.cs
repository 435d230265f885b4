using InclusionCases.Domain.Referrals;

namespace InclusionCases.Functions.Referrals.Contracts;

/// <summary>A referral: who asked whom to take part in which case, and the answer.</summary>
public sealed record ReferralResponse(
    string Id,
    string CaseId,
    string FromOrganisationId,
    string ToOrganisationId,
    string Reason,
    ReferralStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt)
{
    public static ReferralResponse From(Referral r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.CaseId, r.FromOrganisationId, r.ToOrganisationId, r.Reason, r.Status, r.CreatedAt, r.DecidedAt);
    }
}
