using InclusionCases.Domain.Persons;

namespace InclusionCases.Domain.Matching;

/// <summary>
/// What the matcher compares of a person, or of a match request: the name and aliases (street names),
/// the birth year, the gender, the zones the person was met in, and keyed hashes of their NISS/BIS
/// numbers (never the numbers).
/// </summary>
public sealed record MatchProfile(
    string? DisplayName,
    IReadOnlyList<string> Aliases,
    int? BirthYear,
    Gender? Gender,
    IReadOnlyList<string> Zones,
    IReadOnlyList<string> IdentifierHashes)
{
    /// <summary>The names the person goes by: the display name and the aliases.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(DisplayName ?? string.Empty).Where(n => !string.IsNullOrWhiteSpace(n));
}
