using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using InclusionCases.Domain.Cases;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>Body of <c>POST /api/cases</c>: a new person, or the id of a person already known.</summary>
public sealed record CreateCaseRequest(
    [property: Required] CaseType? Type,
    [property: Description("A person not yet known: give this or personId, not both.")] PersonInput? Person,
    [property: Description("A person the caller's organisation already holds, e.g. from an earlier case: give this or person, not both.")] string? PersonId,
    [property: Description("The object id of the social worker in charge; left out, nobody yet."), MaxLength(FieldErrors.MaxNameLength)] string? AssignedWorkerId);
