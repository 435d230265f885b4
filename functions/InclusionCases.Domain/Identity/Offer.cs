namespace InclusionCases.Domain.Identity;

/// <summary>
/// What an organisation offers, as listed in the directory: the street-contact needs
/// (<see cref="Contacts.Need"/>, same names) plus the services a referral is usually about.
/// </summary>
public enum Offer
{
    Food,
    Water,
    Shelter,
    Hygiene,
    Care,
    Administrative,
    Clothing,
    Orientation,

    /// <summary>A Housing First programme (a home first, support after).</summary>
    HousingFirst,

    /// <summary>Support for victims of domestic or other violence.</summary>
    ViolenceSupport,

    /// <summary>A reference address (adresse de référence) for people without a home.</summary>
    ReferenceAddress,
}
