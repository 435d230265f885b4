namespace InclusionCases.Domain.Reports;

/// <summary>Who a seen fact is about.</summary>
public enum SeenKind
{
    /// <summary>A person (all their linked records): counted once.</summary>
    Person,

    /// <summary>Contacts naming no person, under one alias in one zone: counted once, apart, as unlinked.</summary>
    Alias,

    /// <summary>Contacts with neither person nor alias in one zone: contacts, but nobody who can be counted.</summary>
    Nobody,
}
