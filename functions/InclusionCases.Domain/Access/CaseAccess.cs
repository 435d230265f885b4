namespace InclusionCases.Domain.Access;

/// <summary>What the policy needs to know about one case: its id, who leads it and who takes part.</summary>
public sealed record CaseAccess(string CaseId, string LeadOrganisationId, IReadOnlyList<string> Participants);
