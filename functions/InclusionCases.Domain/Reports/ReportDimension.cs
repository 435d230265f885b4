namespace InclusionCases.Domain.Reports;

/// <summary>What a breakdown is cut by.</summary>
public enum ReportDimension
{
    Gender,
    AgeBand,
    Type,
    Zone,
    DisabilityStatus,
    ResidenceStatus,
}
