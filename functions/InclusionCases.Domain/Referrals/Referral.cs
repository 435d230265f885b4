namespace InclusionCases.Domain.Referrals;

/// <summary>
/// A lead organisation's request that a partner take part in a case, and where it went: the answer
/// (<see cref="DecidedAt"/>), a decline's reason and note, a completion's outcome, and when it reached
/// a final status (<see cref="ClosedAt"/>).
/// </summary>
public sealed record Referral(
    string Id,
    string CaseId,
    string FromOrganisationId,
    string ToOrganisationId,
    string Reason,
    ReferralStatus Status,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt,
    DeclineReason? DeclineReason = null,
    string? Note = null,
    string? Outcome = null,
    DateTimeOffset? ClosedAt = null);
