namespace InclusionCases.Domain.Referrals;

/// <summary>Who makes a move on a referral.</summary>
public enum ReferralSide
{
    /// <summary>The organisation that referred the case (its lead).</summary>
    Referring,

    /// <summary>The organisation the case was referred to.</summary>
    Referred,

    /// <summary>The system, on a timer.</summary>
    System,
}
