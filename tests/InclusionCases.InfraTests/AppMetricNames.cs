using InclusionCases.Functions.Telemetry;

namespace InclusionCases.InfraTests;

/// <summary>
/// The instruments and tags the alerts of infra/modules/alerts.bicep query in the workspace's AppMetrics
/// table: the app's own constants (<see cref="MetricNames"/>), so a rename on one side fails these tests.
/// </summary>
internal static class AppMetricNames
{
    public const string Meter = MetricNames.Meter;

    /// <summary>Gauge, tag <see cref="QueueTag"/>: messages in each poison queue, sampled by the SampleOperations timer.</summary>
    public const string PoisonMessages = MetricNames.QueuePoison;

    /// <summary>Counter, tags <c>operation</c> and <see cref="OutcomeTag"/> (2xx, 3xx, 4xx, 5xx): API responses.</summary>
    public const string Requests = MetricNames.Requests;

    /// <summary>Counter, tags <see cref="TimerTag"/> (the function name) and <see cref="OutcomeTag"/> (success, failure): timer runs.</summary>
    public const string TimerRuns = MetricNames.TimerRuns;

    /// <summary>Gauge, seconds, no tags: age of the oldest change not yet projected.</summary>
    public const string OutboxOldestAge = MetricNames.OutboxOldestAge;

    /// <summary>Gauge, tag <see cref="QueueTag"/>: messages waiting in each queue.</summary>
    public const string QueueDepth = MetricNames.QueueDepth;

    public const string QueueTag = MetricNames.QueueTag;

    public const string OutcomeTag = MetricNames.OutcomeTag;

    public const string TimerTag = MetricNames.TimerTag;

    public const string ServerErrorOutcome = MetricNames.ServerError;

    public const string SuccessOutcome = MetricNames.Success;
}
