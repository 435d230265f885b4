namespace InclusionCases.Functions.Audit;

/// <summary>Whether an audited attempt was allowed.</summary>
public enum AuditOutcome
{
    Allowed,
    Denied,
}
