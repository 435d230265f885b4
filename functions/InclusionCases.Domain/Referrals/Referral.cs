namespace InclusionCases.Domain.Referrals;

/// <summary>A lead organisation's request that a partner take part in a case.</summary>
public sealed record Referral(
    string Id,
    string CaseId,
    string FromOrganisationId,
    string ToOrganisationId,
    string Reason,
    ReferralStatus Status,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt);
