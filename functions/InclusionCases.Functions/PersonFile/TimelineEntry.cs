namespace InclusionCases.Functions.PersonFile;

/// <summary>
/// One line of a case's timeline: a note, or an event (created, status changed, referral, consent).
/// <see cref="OrganisationOnly"/> notes are seen by the author's organisation alone. Events carry
/// names and ids, never personal or sensitive values.
/// </summary>
public sealed record TimelineEntry(
    string Id,
    string CaseId,
    TimelineKind Kind,
    DateTimeOffset At,
    string ActorId,
    string ActorOrganisationId,
    bool OrganisationOnly,
    string? Text,
    IReadOnlyDictionary<string, string>? Detail);
