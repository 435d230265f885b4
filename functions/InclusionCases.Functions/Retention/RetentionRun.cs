namespace InclusionCases.Functions.Retention;

/// <summary>What one run of the retention job anonymised.</summary>
public sealed record RetentionRun(int PersonsAnonymised, int ContactsAnonymised);
