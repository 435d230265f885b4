using System.ComponentModel.DataAnnotations;
using InclusionCases.Domain.Cases;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>Body of <c>POST /api/cases</c>: a new person, or the id of a person already known.</summary>
public sealed record CreateCaseRequest([property: Required] CaseType? Type, PersonInput? Person, string? PersonId, [property: MaxLength(FieldErrors.MaxNameLength)] string? AssignedWorkerId);
