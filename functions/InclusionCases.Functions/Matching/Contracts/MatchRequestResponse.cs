namespace InclusionCases.Functions.Matching.Contracts;

/// <summary>
/// A match request. Outgoing: the organisation's own call, its fields and <c>pending</c> or <c>closed</c>;
/// <see cref="PersonId"/>, <see cref="Score"/>, <see cref="Reasons"/> and <see cref="ReferralId"/> are null.
/// Incoming: another organisation's call that matched one of the holder's persons, with the holder's own
/// person id, the score and the reasons, and the referral it answered with.
/// </summary>
public sealed record MatchRequestResponse(
    string Id,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset AnswerBy,
    MatchFields Fields,
    MatchRequestStatus Status,
    string? PersonId,
    double? Score,
    IReadOnlyList<string>? Reasons,
    string? ReferralId);
