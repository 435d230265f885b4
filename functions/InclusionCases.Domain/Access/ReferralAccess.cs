namespace InclusionCases.Domain.Access;

/// <summary>What the policy needs to know about a referral: its case, who referred, who was referred, and whether it awaits an answer.</summary>
public sealed record ReferralAccess(string CaseId, string FromOrganisationId, string ToOrganisationId, bool Pending);
