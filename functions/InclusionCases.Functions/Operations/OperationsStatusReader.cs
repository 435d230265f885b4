using Azure;
using InclusionCases.Functions.Health;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Storage;
using InclusionCases.Functions.Telemetry;
using Microsoft.Extensions.Configuration;

namespace InclusionCases.Functions.Operations;

/// <summary>
/// Reads the <see cref="OperationsStatus"/>: a storage probe, two queue property reads per queue, the
/// heartbeats partition (timers and the sweeper's view of the outbox). No table scan: the outbox is
/// measured by the sweeper, which scans it anyway.
/// </summary>
public sealed class OperationsStatusReader(StorageAccount storage, QueueNames queues, Heartbeats heartbeats, StorageHealthProbe probe, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>Messages waiting in one queue above which the backlog is a problem.</summary>
    public const long QueueBacklogLimit = 1000;

    /// <summary>Age of the oldest unprojected change above which projection is a problem.</summary>
    public static readonly TimeSpan OutboxAgeLimit = TimeSpan.FromMinutes(10);

    private readonly IReadOnlyList<TimerFunction> _timers = FunctionCatalog.Discover([typeof(OperationsStatusReader).Assembly]).Timers;

    public async Task<OperationsStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            await probe.CheckAsync(cancellationToken);
        }
        catch (Exception ex) when (StorageFaults.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            return new OperationsStatus("degraded", now, "unreachable", [], null, [], ["Storage does not answer."]);
        }

        var problems = new List<string>();
        var queueStatuses = await Task.WhenAll(queues.All.Select(q => ReadQueueAsync(q, cancellationToken)));
        foreach (var queue in queueStatuses)
        {
            if (queue.Poison > 0)
            {
                problems.Add($"{queue.Poison} poison message(s) on {queue.Name}.");
            }

            if (queue.Depth > QueueBacklogLimit)
            {
                problems.Add($"{queue.Depth} messages waiting on {queue.Name} (limit {QueueBacklogLimit}).");
            }
        }

        var outbox = await heartbeats.ReadOutboxAsync(cancellationToken) is { } seen
            ? new OutboxStatus(seen.ObservedAt, seen.Rows, seen.OldestCreatedAt, seen.OldestCreatedAt is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0)
            : null;
        if (outbox is { OldestAgeSeconds: var age } && age > OutboxAgeLimit.TotalSeconds)
        {
            problems.Add($"The oldest unprojected change is {TimeSpan.FromSeconds(age):g} old (limit {OutboxAgeLimit:g}).");
        }

        var beats = (await heartbeats.ReadTimersAsync(cancellationToken)).ToDictionary(b => b.Timer, StringComparer.Ordinal);
        var timers = new List<TimerStatus>();
        foreach (var timer in _timers)
        {
            if (TimerStatusOf(timer, beats.GetValueOrDefault(timer.Name), now) is not { } status)
            {
                problems.Add($"Timer {timer.Name} has a schedule that cannot be read.");
                continue;
            }

            timers.Add(status);
            if (status.Overdue && status.LastSuccess is not null)
            {
                problems.Add($"Timer {timer.Name} has not succeeded since {status.LastSuccess.Value.ToString("u", System.Globalization.CultureInfo.InvariantCulture)}.");
            }
            else if (status.LastFailure > status.LastSuccess || (status.LastFailure is not null && status.LastSuccess is null))
            {
                problems.Add($"Timer {timer.Name} failed on its last run.");
            }
        }

        return new OperationsStatus(problems.Count == 0 ? "ok" : "degraded", now, "ok", queueStatuses, outbox, timers, problems);
    }

    // Null when the schedule cannot be read: reported as a problem, never a failed status.
    private TimerStatus? TimerStatusOf(TimerFunction timer, TimerHeartbeat? beat, DateTimeOffset now)
    {
        if (ResolveSetting(timer.Schedule) is not { } expression)
        {
            return null;
        }

        TimerSchedule schedule;
        try
        {
            schedule = TimerSchedule.Parse(expression);
        }
        catch (Exception ex) when (ex is NCrontab.CrontabException or ArgumentException or FormatException)
        {
            return null;
        }

        var dueBy = beat?.LastSuccess is { } last ? schedule.DueBy(last) : null;
        // Never succeeded: overdue only once it has failed; a timer not yet run since deployment is not a problem yet.
        var overdue = dueBy is { } due ? now > due : beat?.LastFailure is not null;
        return new TimerStatus(timer.Name, expression, beat?.LastSuccess, beat?.LastFailure, dueBy, overdue);
    }

    // A trigger's schedule may be a %Setting% expression, resolved from the app settings like the host does.
    private string? ResolveSetting(string expression) =>
        expression.Length > 2 && expression[0] == '%' && expression[^1] == '%' ? configuration[expression[1..^1]] : expression;

    private async Task<QueueStatus> ReadQueueAsync(string queue, CancellationToken cancellationToken) =>
        new(queue, await DepthAsync(queue, cancellationToken), await DepthAsync(QueueNames.PoisonOf(queue), cancellationToken));

    private async Task<long> DepthAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await storage.Queue(queue).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }
}
