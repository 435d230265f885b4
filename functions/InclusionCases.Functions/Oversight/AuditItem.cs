using InclusionCases.Functions.Audit;

namespace InclusionCases.Functions.Oversight;

/// <summary>One audit entry: who did what to which record, when, and whether it was allowed.</summary>
public sealed record AuditItem(DateTimeOffset At, string ActorId, string OrganisationId, string Action, string Resource, AuditOutcome Outcome)
{
    public static AuditItem From(AuditEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.At, e.ActorId, e.OrganisationId, e.Action.Name, e.Resource, e.Outcome);
    }
}
