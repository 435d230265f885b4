using System.ComponentModel.DataAnnotations;
using InclusionCases.Domain.Cases;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>
/// Body of <c>PATCH /api/cases/{caseId}</c> (merge semantics: absent fields stay, <c>null</c> clears).
/// Read-only fields (<c>id</c>, <c>leadOrganisationId</c>, <c>participants</c>, timestamps) are refused.
/// </summary>
public sealed record UpdateCaseRequest(
    [property: NotNullWhenSent] CaseStatus? Status,
    [property: MaxLength(FieldErrors.MaxNameLength)] string? AssignedWorkerId,
    HousingInput? Housing,
    ClosureInput? Closure,
    [property: NotNullWhenSent] PersonInput? Person,
    PiisInput? Piis = null);
