using InclusionCases.Domain.Consents;

namespace InclusionCases.Domain.Access;

/// <summary>What the policy needs to know about a case: who leads it, who takes part, and the person's consents.</summary>
public sealed record CaseAccess(string LeadOrganisationId, IReadOnlyList<string> Participants, IReadOnlyList<Consent> Consents);
