namespace InclusionCases.Domain.Persons;

/// <summary>
/// GDPR art. 9 special-category data. Shown only to social workers of the lead organisation and of
/// participants whose consent includes the <c>sensitive</c> scope; never written to the audit log.
/// </summary>
/// <param name="Health">Free text about health.</param>
/// <param name="Addiction">Free text about addiction.</param>
/// <param name="MigrationStatus">Free text about the migration path.</param>
/// <param name="Violence">Free text about violence suffered or feared.</param>
/// <param name="DisabilityStatus">Whether the person lives with a disability; counted, suppressed, in the equality reports.</param>
/// <param name="ResidenceStatus">The person's right of residence; counted, suppressed, in the equality reports.</param>
public sealed record SensitiveData(
    string? Health,
    string? Addiction,
    string? MigrationStatus,
    string? Violence,
    DisabilityStatus? DisabilityStatus = null,
    ResidenceStatus? ResidenceStatus = null);
