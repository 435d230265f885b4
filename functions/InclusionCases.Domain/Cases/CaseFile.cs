namespace InclusionCases.Domain.Cases;

/// <summary>
/// A case: one person's path, led by one organisation, with the organisations that take part
/// through accepted referrals, and the PIIS that goes with it, if any. <see cref="Version"/> grows by one with every change and is the ETag.
/// </summary>
public sealed record CaseFile(
    string Id,
    string PersonId,
    CaseType Type,
    CaseStatus Status,
    string LeadOrganisationId,
    IReadOnlyList<string> Participants,
    string? AssignedWorkerId,
    Housing? Housing,
    Closure? Closure,
    Piis? Piis,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);
