namespace InclusionCases.Domain.Referrals;

/// <summary>Where a referral stands. Only <see cref="Pending"/> and <see cref="Accepted"/> can still move.</summary>
public enum ReferralStatus
{
    Pending,
    Accepted,
    Declined,
    Withdrawn,
    Completed,
    Expired,
}
