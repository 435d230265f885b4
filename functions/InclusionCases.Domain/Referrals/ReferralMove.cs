namespace InclusionCases.Domain.Referrals;

/// <summary>What can happen to a referral, and so the answer a move leads to (<see cref="ReferralWorkflow"/>).</summary>
public enum ReferralMove
{
    /// <summary>The referred organisation takes part in the case.</summary>
    Accept,

    /// <summary>The referred organisation says no, with a reason.</summary>
    Decline,

    /// <summary>The referring organisation takes the request back while it is pending.</summary>
    Withdraw,

    /// <summary>The referred organisation has done what it was asked, and its part in the case ends.</summary>
    Complete,

    /// <summary>Nobody answered in time (the system's move).</summary>
    Expire,
}
