namespace InclusionCases.Domain.Persons;

/// <summary>Whether the person lives with a disability, as they state it (special-category data).</summary>
public enum DisabilityStatus
{
    Yes,
    No,
    Undisclosed,
}
