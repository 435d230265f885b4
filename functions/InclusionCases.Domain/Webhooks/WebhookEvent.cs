namespace InclusionCases.Domain.Webhooks;

/// <summary>
/// Something to tell one organisation about a person's file, recorded with the change that caused it:
/// its type, the ids it names (the case always; a referral, consent or task when it is about one) and
/// the earliest time it may be sent (a task is told when it falls due). The person id stays inside:
/// it is how the sender checks the receiver's right to know, and is never sent.
/// </summary>
public sealed record WebhookEvent(
    string Id,
    string Type,
    string OrganisationId,
    string PersonId,
    string CaseId,
    DateTimeOffset OccurredAt,
    string? ReferralId = null,
    string? ConsentId = null,
    string? TaskId = null,
    DateTimeOffset? NotBefore = null);
