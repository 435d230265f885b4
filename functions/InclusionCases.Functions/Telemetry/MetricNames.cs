namespace InclusionCases.Functions.Telemetry;

/// <summary>
/// The names of the app's meter, instruments and tags. The alert rules in <c>infra/</c> query these
/// names, and the infra tests check that they match.
/// </summary>
public static class MetricNames
{
    public const string Meter = "InclusionCases";

    /// <summary>Counter of answered requests; tags <see cref="OperationTag"/> and <see cref="OutcomeTag"/> (2xx, 4xx, 5xx…).</summary>
    public const string Requests = "inclusioncases.requests";

    /// <summary>Gauge of the approximate number of messages waiting in a queue; tag <see cref="QueueTag"/>.</summary>
    public const string QueueDepth = "inclusioncases.queue.depth";

    /// <summary>Gauge of the messages in a queue's poison queue; tag <see cref="QueueTag"/>.</summary>
    public const string QueuePoison = "inclusioncases.queue.poison";

    /// <summary>Gauge, in seconds, of the oldest change committed but not yet projected (0 when none).</summary>
    public const string OutboxOldestAge = "inclusioncases.outbox.oldest_age";

    /// <summary>Histogram, in seconds, from a change's commit to its projection into the indexes.</summary>
    public const string ProjectionLag = "inclusioncases.projection.lag";

    /// <summary>Counter of timer runs; tags <see cref="TimerTag"/> and <see cref="OutcomeTag"/> (success, failure).</summary>
    public const string TimerRuns = "inclusioncases.timer.runs";

    /// <summary>Gauge, in seconds, since a timer's last successful run; tag <see cref="TimerTag"/>.</summary>
    public const string TimerSinceLastSuccess = "inclusioncases.timer.since_last_success";

    public const string OperationTag = "operation";
    public const string OutcomeTag = "outcome";
    public const string QueueTag = "queue";
    public const string TimerTag = "timer";

    /// <summary>The <see cref="OutcomeTag"/> of a timer run that succeeded, or failed.</summary>
    public const string Success = "success";
    public const string Failure = "failure";

    /// <summary>The <see cref="OutcomeTag"/> of a request answered with a server error.</summary>
    public const string ServerError = "5xx";
}
