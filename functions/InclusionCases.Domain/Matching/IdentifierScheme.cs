namespace InclusionCases.Domain.Matching;

/// <summary>The Belgian identifiers a person may be matched by.</summary>
public enum IdentifierScheme
{
    /// <summary>The national register number (NISS / INSZ / rijksregisternummer).</summary>
    Niss,

    /// <summary>
    /// The number the Crossroads Bank for Social Security gives a person not in the national register
    /// (many people without a valid residence permit): the same shape, its month raised by 20 (gender
    /// unknown) or 40 (gender known).
    /// </summary>
    Bis,
}
