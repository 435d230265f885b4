namespace InclusionCases.Domain.Persons;

/// <summary>The person a case is about: identifying fields, and the sensitive ones kept apart.</summary>
public sealed record Person(
    string Id,
    string DisplayName,
    int? BirthYear,
    Gender? Gender,
    IReadOnlyList<string> Languages,
    SensitiveData? Sensitive);
