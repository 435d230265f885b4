using InclusionCases.Domain.Persons;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>Special-category data, returned only to social workers allowed to see it.</summary>
public sealed record SensitiveResponse(string? Health, string? Addiction, string? MigrationStatus, string? Violence, DisabilityStatus? DisabilityStatus, ResidenceStatus? ResidenceStatus);
