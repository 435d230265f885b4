using InclusionCases.Functions.Matching.Contracts;

namespace InclusionCases.Functions.Matching;

/// <summary>
/// A stored match request: outgoing (the requester's call; <see cref="PersonId"/> null) or incoming (a
/// holder's copy, naming the holder's person that matched and how it answered).
/// </summary>
public sealed record MatchRequestRecord(
    string Id,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    MatchFields Fields,
    MatchRequestStatus Status,
    string? PersonId,
    double? Score,
    IReadOnlyList<string>? Reasons,
    string? ReferralId,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt)
{
    /// <summary>How long holders have to answer; then the request is closed (outgoing) or expired (incoming).</summary>
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromDays(14);

    public DateTimeOffset AnswerBy => RequestedAt + AnswerWindow;

    /// <summary>Whether the holder may still answer.</summary>
    public bool IsOpen(DateTimeOffset now) => Status == MatchRequestStatus.Pending && now < AnswerBy;

    /// <summary>As the requester sees it: pending or closed, and nothing of any holder.</summary>
    public MatchRequestResponse AsOutgoing(DateTimeOffset now) =>
        new(Id, RequestedBy, RequestedAt, AnswerBy, Fields, now < AnswerBy ? MatchRequestStatus.Pending : MatchRequestStatus.Closed, null, null, null, null);

    /// <summary>As the holder sees it.</summary>
    public MatchRequestResponse AsIncoming(DateTimeOffset now) =>
        new(Id, RequestedBy, RequestedAt, AnswerBy, Fields, Status == MatchRequestStatus.Pending && now >= AnswerBy ? MatchRequestStatus.Expired : Status, PersonId, Score, Reasons, ReferralId);
}
