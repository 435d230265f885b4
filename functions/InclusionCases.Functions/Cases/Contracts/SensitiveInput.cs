using System.ComponentModel.DataAnnotations;
using InclusionCases.Domain.Persons;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>Special-category data (GDPR art. 9) as a request gives it.</summary>
public sealed record SensitiveInput(
    [property: MaxLength(PersonInputValidation.MaxSensitiveLength)] string? Health,
    [property: MaxLength(PersonInputValidation.MaxSensitiveLength)] string? Addiction,
    [property: MaxLength(PersonInputValidation.MaxSensitiveLength)] string? MigrationStatus,
    [property: MaxLength(PersonInputValidation.MaxSensitiveLength)] string? Violence,
    DisabilityStatus? DisabilityStatus = null,
    ResidenceStatus? ResidenceStatus = null);
