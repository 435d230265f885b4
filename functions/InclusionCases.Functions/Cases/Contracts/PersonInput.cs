using System.ComponentModel.DataAnnotations;
using InclusionCases.Domain.Persons;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>The person's fields as a request gives them.</summary>
public sealed record PersonInput(
    [property: MaxLength(FieldErrors.MaxNameLength)] string? DisplayName,
    int? BirthYear,
    Gender? Gender,
    [property: MaxLength(PersonInputValidation.MaxLanguages)] string[]? Languages,
    SensitiveInput? Sensitive);
