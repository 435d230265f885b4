using InclusionCases.Functions.Telemetry;

namespace InclusionCases.Functions.Operations;

/// <summary>
/// Records the <see cref="OperationsStatus"/> as gauges (queue depth and poison count, outbox age,
/// time since each timer's last success), which the alert rules watch.
/// </summary>
public sealed class OperationsSampler(OperationsStatusReader reader, OperationalMetrics metrics, TimeProvider clock)
{
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var status = await reader.ReadAsync(cancellationToken);
        foreach (var queue in status.Queues)
        {
            metrics.QueueSampled(queue.Name, queue.Depth, queue.Poison);
        }

        if (status.Outbox is { } outbox)
        {
            metrics.OutboxSampled(TimeSpan.FromSeconds(outbox.OldestAgeSeconds));
        }

        var now = clock.GetUtcNow();
        foreach (var timer in status.Timers)
        {
            if (timer.LastSuccess is { } last)
            {
                metrics.TimerSampled(timer.Name, now - last);
            }
        }
    }
}
