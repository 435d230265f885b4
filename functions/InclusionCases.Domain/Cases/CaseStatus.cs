namespace InclusionCases.Domain.Cases;

/// <summary>Where a case stands; see <see cref="CaseWorkflow"/> for the allowed moves.</summary>
public enum CaseStatus
{
    Intake,
    Active,
    Housed,
    Closed,
}
