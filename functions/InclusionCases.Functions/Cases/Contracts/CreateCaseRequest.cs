using InclusionCases.Domain.Cases;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>Body of <c>POST /api/cases</c>: a new person, or the id of a person already known.</summary>
public sealed record CreateCaseRequest(CaseType? Type, PersonInput? Person, string? PersonId, string? AssignedWorkerId);
