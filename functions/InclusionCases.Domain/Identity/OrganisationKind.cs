namespace InclusionCases.Domain.Identity;

/// <summary>The kinds of organisation that coordinate cases.</summary>
public enum OrganisationKind
{
    /// <summary>A municipality (its social-cohesion services, street mediators, coordination cell).</summary>
    Commune,

    /// <summary>A public social welfare centre (Centre public d'action sociale / OCMW).</summary>
    Cpas,

    /// <summary>A non-profit partner (asbl/vzw): Housing First team, day centre, shelter.</summary>
    Ngo,
}
