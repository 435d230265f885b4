using InclusionCases.Domain.Cases;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>
/// Body of <c>PATCH /api/cases/{caseId}</c> (merge semantics: absent fields stay, <c>null</c> clears).
/// Read-only fields (<c>id</c>, <c>leadOrganisationId</c>, <c>participants</c>, timestamps) are refused.
/// </summary>
public sealed record UpdateCaseRequest(CaseStatus? Status, string? AssignedWorkerId, HousingInput? Housing, ClosureInput? Closure, PersonInput? Person);
