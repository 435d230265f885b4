namespace InclusionCases.Domain.Referrals;

/// <summary>Where a referral stands.</summary>
public enum ReferralStatus
{
    Pending,
    Accepted,
    Declined,
}
