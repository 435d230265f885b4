namespace InclusionCases.Functions.Organisations;

/// <summary>What <see cref="OrganisationService.GrantAsync"/> did.</summary>
public enum MembershipGrant
{
    /// <summary>The user had no membership and now belongs to the organisation.</summary>
    Granted,

    /// <summary>The user already belonged to it; the name and end were written.</summary>
    Changed,

    /// <summary>Nothing written: the user belongs to another organisation.</summary>
    MemberElsewhere,

    /// <summary>Nothing written: no organisation has that id.</summary>
    UnknownOrganisation,
}
