namespace InclusionCases.Domain.Contacts;

/// <summary>What outreach teams see a person needs, and the same list for what they offer.</summary>
public enum Need
{
    Food,
    Water,
    Shelter,
    Hygiene,
    Care,
    Administrative,
    Clothing,
    Orientation,
}
