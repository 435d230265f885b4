namespace InclusionCases.Functions.Matching.Contracts;

/// <summary>
/// Where a match request stands. The requester sees only <see cref="Pending"/> or <see cref="Closed"/>
/// (the answer window ended), so it never learns whether anyone held a match; the holder sees how it
/// answered.
/// </summary>
public enum MatchRequestStatus
{
    /// <summary>Holders may still answer.</summary>
    Pending,

    /// <summary>Outgoing only: the answer window has ended.</summary>
    Closed,

    /// <summary>Incoming only: the holder answered with a referral.</summary>
    Referred,

    /// <summary>Incoming only: the holder answered that it is not the same person, or will not refer.</summary>
    Dismissed,

    /// <summary>Incoming only: the answer window ended unanswered.</summary>
    Expired,
}
