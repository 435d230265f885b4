using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.IntegrationTests.Queues;

/// <summary>
/// Queue-triggered functions that exist only in the tests, so the local host's queue semantics can
/// be shown before the app has queue functions of its own. The host discovers them from this
/// assembly exactly as it discovers the app's.
/// </summary>
public sealed class ProbeFunctions
{
    /// <summary>Attempts seen per message text.</summary>
    public static ConcurrentDictionary<string, int> Attempts { get; } = new();

    [Function(nameof(ProbeAlwaysFails))]
    public Task ProbeAlwaysFails([QueueTrigger("%ProbeFailingQueue%")] string message)
    {
        Attempts.AddOrUpdate(message, 1, (_, n) => n + 1);
        throw new InvalidOperationException("The probe always fails.");
    }

    [Function(nameof(ProbeRecords))]
    public Task ProbeRecords([QueueTrigger("%ProbeRecordingQueue%")] ProbeMessage message, long dequeueCount, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Attempts.AddOrUpdate(message.Text, 1, (_, n) => n + 1);
        // Fails on the first delivery of "flaky" messages: the retry must deliver it again.
        return message.FailFirst && dequeueCount == 1 ? throw new InvalidOperationException("first attempt fails") : Task.CompletedTask;
    }
}

public sealed record ProbeMessage(string Text, bool FailFirst);
