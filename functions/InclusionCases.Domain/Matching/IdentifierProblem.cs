namespace InclusionCases.Domain.Matching;

/// <summary>Why a NISS or BIS number is refused.</summary>
public enum IdentifierProblem
{
    /// <summary>Not 11 digits (dots, dashes and spaces aside).</summary>
    Shape,

    /// <summary>The month or day cannot be one of this scheme's (a BIS number given as a NISS, or the reverse).</summary>
    Date,

    /// <summary>The check digits match neither the 1900s rule nor the 2000s one, or only for a birth still to come.</summary>
    CheckDigits,
}
