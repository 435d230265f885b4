using InclusionCases.Domain.Matching;
using InclusionCases.Domain.Persons;

namespace InclusionCases.Functions.Matching.Contracts;

/// <summary>The fields a match call sent, as a match request shows them: identifiers by scheme only, never their numbers.</summary>
public sealed record MatchFields(
    string? DisplayName,
    IReadOnlyList<string> Aliases,
    int? BirthYear,
    Gender? Gender,
    string? Zone,
    IReadOnlyList<IdentifierScheme> Identifiers);
