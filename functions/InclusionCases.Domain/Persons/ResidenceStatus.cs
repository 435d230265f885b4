namespace InclusionCases.Domain.Persons;

/// <summary>The person's right of residence in Belgium, as far as the worker knows it (special-category data).</summary>
public enum ResidenceStatus
{
    BelgianOrEu,
    ValidPermit,
    Pending,
    NoValidPermit,
    Undisclosed,
}
