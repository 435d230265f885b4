using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using InclusionCases.Domain.Persons;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>The person's fields as a request gives them.</summary>
public sealed record PersonInput(
    [property: NotNullWhenSent, Description("Required when the person is new; in a change, may be left out but not null."), MaxLength(FieldErrors.MaxNameLength)] string? DisplayName,
    int? BirthYear,
    Gender? Gender,
    [property: MaxLength(PersonInputValidation.MaxLanguages)] string[]? Languages,
    SensitiveInput? Sensitive,
    [property: MaxLength(PersonInputValidation.MaxIdentifiers), Description("NISS or BIS numbers: checked by their check digits, then kept only as a keyed hash, so they are never shown again; they let the person be found by match across organisations. In a change, the list replaces the one kept.")] IdentifierInput[]? Identifiers = null);
