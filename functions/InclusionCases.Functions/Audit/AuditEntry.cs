namespace InclusionCases.Functions.Audit;

/// <summary>
/// Who did what to which record, when, and whether it was allowed. Holds ids and action names only,
/// never the values read or written (no personal or sensitive data in the audit log).
/// </summary>
public sealed record AuditEntry(
    string Id,
    DateTimeOffset At,
    string ActorId,
    string OrganisationId,
    AuditAction Action,
    string Resource,
    string? PersonId,
    AuditOutcome Outcome);
