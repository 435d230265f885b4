namespace InclusionCases.Functions.Referrals.Contracts;

/// <summary>Body of <c>POST /api/cases/{caseId}/referrals</c>.</summary>
public sealed record ReferralRequest(string? ToOrganisationId, string? Reason);
