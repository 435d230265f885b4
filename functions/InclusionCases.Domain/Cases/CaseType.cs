namespace InclusionCases.Domain.Cases;

/// <summary>The kinds of case.</summary>
public enum CaseType
{
    /// <summary>Straight into own housing with intensive support, no "treatment first" staircase.</summary>
    HousingFirst,

    /// <summary>Outreach, shelter and administrative recovery.</summary>
    Homelessness,
}
