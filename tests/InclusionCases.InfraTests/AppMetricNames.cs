namespace InclusionCases.InfraTests;

/// <summary>
/// The OpenTelemetry instruments (Meter <see cref="Meter"/>) and tags the alerts of infra/modules/alerts.bicep
/// query in the workspace's AppMetrics table. The app must emit exactly these names; once it declares them
/// as constants of its own, these should point at those.
/// </summary>
internal static class AppMetricNames
{
    public const string Meter = "InclusionCases";

    /// <summary>Gauge, tag <see cref="QueueTag"/>: messages in each poison queue, sampled by the SampleOperations timer.</summary>
    public const string PoisonMessages = "inclusioncases.queue.poison";

    /// <summary>Counter, tags <c>operation</c> and <see cref="OutcomeTag"/> (2xx, 3xx, 4xx, 5xx): API responses.</summary>
    public const string Requests = "inclusioncases.requests";

    /// <summary>Counter, tags <see cref="TimerTag"/> (the function name) and <see cref="OutcomeTag"/> (success, failure): timer runs.</summary>
    public const string TimerRuns = "inclusioncases.timer.runs";

    /// <summary>Gauge, seconds, no tags: age of the oldest case event not yet projected.</summary>
    public const string OutboxOldestAge = "inclusioncases.outbox.oldest_age";

    /// <summary>Gauge, tag <see cref="QueueTag"/>: messages waiting in each queue.</summary>
    public const string QueueDepth = "inclusioncases.queue.depth";

    public const string QueueTag = "queue";

    public const string OutcomeTag = "outcome";

    public const string TimerTag = "timer";

    public const string ServerErrorOutcome = "5xx";

    public const string SuccessOutcome = "success";
}
