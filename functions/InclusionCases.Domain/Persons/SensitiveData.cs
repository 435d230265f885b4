namespace InclusionCases.Domain.Persons;

/// <summary>
/// GDPR art. 9 special-category data. Shown only to social workers of the lead organisation and of
/// participants whose consent includes the <c>sensitive</c> scope; never written to the audit log.
/// </summary>
public sealed record SensitiveData(string? Health, string? Addiction, string? MigrationStatus, string? Violence);
