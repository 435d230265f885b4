namespace InclusionCases.Functions.Operations;

/// <summary>
/// What an operator needs at 3 a.m.: whether storage answers, each queue's backlog and poison count,
/// the oldest committed change not yet projected, each timer's last runs, and which thresholds are
/// crossed (<see cref="Problems"/>; <see cref="Status"/> is <c>degraded</c> when there is any).
/// </summary>
public sealed record OperationsStatus(
    string Status,
    DateTimeOffset CheckedAt,
    string Storage,
    IReadOnlyList<QueueStatus> Queues,
    OutboxStatus? Outbox,
    IReadOnlyList<TimerStatus> Timers,
    IReadOnlyList<string> Problems);

/// <summary>A queue's approximate backlog and the messages in its poison queue.</summary>
public sealed record QueueStatus(string Name, long Depth, long Poison);

/// <summary>The outbox as the sweeper last saw it (<see cref="ObservedAt"/>): rows waiting and the oldest one's age.</summary>
public sealed record OutboxStatus(DateTimeOffset ObservedAt, int Rows, DateTimeOffset? OldestCreatedAt, double OldestAgeSeconds);

/// <summary>A timer's schedule, last runs, when its next success is due at the latest, and whether that is past.</summary>
public sealed record TimerStatus(string Name, string Schedule, DateTimeOffset? LastSuccess, DateTimeOffset? LastFailure, DateTimeOffset? DueBy, bool Overdue);
