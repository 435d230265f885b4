using InclusionCases.Domain.Persons;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>The person's fields as a request gives them.</summary>
public sealed record PersonInput(string? DisplayName, int? BirthYear, Gender? Gender, string[]? Languages, SensitiveInput? Sensitive);
