namespace InclusionCases.Domain.Identity;

/// <summary>
/// The kinds of organisation in the directory. Stored by member name (<c>Commune</c>, <c>Cpas</c>, …),
/// so rows written before the list grew read as they did; shown camelCase in the API.
/// </summary>
public enum OrganisationKind
{
    /// <summary>A municipality (its social-cohesion services, street mediators, coordination cell).</summary>
    Commune,

    /// <summary>A public social welfare centre (Centre public d'action sociale / OCMW).</summary>
    Cpas,

    /// <summary>A non-profit partner (asbl/vzw): Housing First team, day centre, shelter.</summary>
    Ngo,

    /// <summary>A hospital, medical centre or mental-health service.</summary>
    Health,

    /// <summary>A police zone.</summary>
    Police,

    /// <summary>A court, the public prosecutor's office or a justice house.</summary>
    Justice,

    /// <summary>Any other organisation taking part.</summary>
    Other,
}
