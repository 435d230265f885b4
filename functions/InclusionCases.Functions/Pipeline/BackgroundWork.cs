using System.Runtime.CompilerServices;
using InclusionCases.Functions.Storage;
using InclusionCases.Functions.Telemetry;
using Microsoft.Extensions.Logging;

namespace InclusionCases.Functions.Pipeline;

/// <summary>
/// What every queue- and timer-triggered function runs through, as <see cref="HttpApi"/> is for HTTP:
/// a log scope naming the function; storage faults retried in process with exponential back-off
/// (<see cref="StorageRetryDelays"/>), so a storage blip of a few seconds neither fails the message
/// nor counts as one of its delivery attempts; and, for timers, the run's outcome counted and kept in
/// <see cref="Heartbeats"/> for the operator status route and the "timer has not run" alerts. A
/// failure that outlasts the retries is rethrown: the host then makes the message visible again after
/// <c>visibilityTimeout</c> and moves it to the poison queue after <c>maxDequeueCount</c> attempts.
/// Work must be idempotent (delivery is at least once, and a retry repeats it).
/// </summary>
public sealed partial class BackgroundWork(Heartbeats heartbeats, OperationalMetrics metrics, TimeProvider clock, ILogger<BackgroundWork> logger)
{
    /// <summary>The waits between in-process attempts after a storage fault: about 30 s in all.</summary>
    public static IReadOnlyList<TimeSpan> StorageRetryDelays { get; } = [.. new[] { 1, 2, 4, 8, 16 }.Select(s => TimeSpan.FromSeconds(s))];

    /// <summary>Runs the work of one queue message.</summary>
    public async Task RunMessageAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken, [CallerMemberName] string function = "")
    {
        ArgumentNullException.ThrowIfNull(work);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Function"] = function });
        await RetryStorageFaultsAsync(function, work, cancellationToken);
        LogMessageHandled(logger, function);
    }

    /// <summary>Runs one timer run and records its outcome.</summary>
    public async Task RunTimerAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken, [CallerMemberName] string function = "")
    {
        ArgumentNullException.ThrowIfNull(work);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Function"] = function });
        try
        {
            await RetryStorageFaultsAsync(function, work, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.TimerRan(function, succeeded: false);
            LogTimerFailed(logger, function, ex.GetType().Name);
            await TryAsync(() => heartbeats.TimerFailedAsync(function, clock.GetUtcNow(), ex.GetType().Name, cancellationToken), function);
            throw;
        }

        metrics.TimerRan(function, succeeded: true);
        LogTimerSucceeded(logger, function);
        await TryAsync(() => heartbeats.TimerSucceededAsync(function, clock.GetUtcNow(), cancellationToken), function);
    }

    private async Task RetryStorageFaultsAsync(string function, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await work(cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < StorageRetryDelays.Count && StorageFaults.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
            {
                // The exception's type only: a storage error message can quote a key or a value.
                LogStorageRetry(logger, function, ex.GetType().Name, StorageRetryDelays[attempt].TotalSeconds, attempt + 1);
                await Task.Delay(StorageRetryDelays[attempt], clock, cancellationToken);
            }
        }
    }

    // A heartbeat that cannot be written must not turn a finished run into a failed one.
    private async Task TryAsync(Func<Task> write, string function)
    {
        try
        {
            await write();
        }
        catch (Exception ex) when (StorageFaults.IsUnavailable(ex) || ex is Azure.RequestFailedException or OperationCanceledException)
        {
            LogHeartbeatLost(logger, function, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: storage unavailable ({ExceptionType}); attempt {Attempt} again in {Seconds} s")]
    private static partial void LogStorageRetry(ILogger logger, string function, string exceptionType, double seconds, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Function} handled a message")]
    private static partial void LogMessageHandled(ILogger logger, string function);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {Function} succeeded")]
    private static partial void LogTimerSucceeded(ILogger logger, string function);

    // The exception's type only, as for retries: its message can quote a key or a value of a record.
    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Function} failed ({ExceptionType})")]
    private static partial void LogTimerFailed(ILogger logger, string function, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: its heartbeat could not be stored ({ExceptionType})")]
    private static partial void LogHeartbeatLost(ILogger logger, string function, string exceptionType);
}
