namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>Special-category data (GDPR art. 9) as a request gives it.</summary>
public sealed record SensitiveInput(string? Health, string? Addiction, string? MigrationStatus, string? Violence);
