using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using InclusionCases.Domain.Contacts;
using InclusionCases.Domain.Persons;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.Matching.Contracts;

/// <summary>What a caller knows of the person it looks for: at least two of the fields.</summary>
public sealed record MatchPersonRequest(
    [property: MaxLength(FieldErrors.MaxNameLength)] string? DisplayName,
    [property: MaxLength(MatchPersonRequest.MaxAliases), Description("Street names the person goes by.")] string[]? Aliases,
    int? BirthYear,
    Gender? Gender,
    [property: MaxLength(StreetContactRules.MaxZoneLength), Description("A zone the person was met in, as street contacts name it.")] string? Zone,
    [property: MaxLength(Cases.PersonInputValidation.MaxIdentifiers), Description("NISS or BIS numbers: checked by their check digits and compared only as keyed hashes; never stored or answered in clear.")] IdentifierInput[]? Identifiers)
{
    public const int MaxAliases = 10;

    /// <summary>The fewest identifying fields a match call needs, so nobody is looked up by a gender or a year alone.</summary>
    public const int MinFields = 2;
}
