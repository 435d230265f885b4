namespace InclusionCases.LocalHost.Configuration;

/// <summary>The <c>extensions.queues</c> settings of host.json, with the Functions host's defaults.</summary>
public sealed record QueueTriggerSettings(
    int BatchSize,
    int NewBatchThreshold,
    int MaxDequeueCount,
    TimeSpan VisibilityTimeout,
    TimeSpan MaxPollingInterval,
    string MessageEncoding)
{
    public static QueueTriggerSettings Defaults { get; } = new(16, 8, 5, TimeSpan.Zero, TimeSpan.FromMinutes(1), "base64");
}
