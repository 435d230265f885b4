using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using InclusionCases.Functions.Storage;
using InclusionCases.LocalHost.Configuration;
using InclusionCases.Functions.Hosting;
using InclusionCases.LocalHost.Discovery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InclusionCases.LocalHost.Queues;

/// <summary>
/// Runs one queue-triggered function the way the Functions host's queue listener does: receives
/// up to <c>batchSize</c> messages, runs them concurrently, fetches more when the ones in flight
/// drop to <c>newBatchThreshold</c>; deletes a message its function completed; makes a failed one
/// visible again after <c>visibilityTimeout</c>; moves it to <c>&lt;queue&gt;-poison</c> when its
/// <c>maxDequeueCount</c>-th attempt fails; polls an empty queue with a back-off up to
/// <c>maxPollingInterval</c>. Delivery is at least once: a function must be idempotent.
/// </summary>
internal sealed partial class QueueTriggerListener(
    QueueFunction function,
    QueueClient queue,
    QueueClient poison,
    QueueTriggerSettings settings,
    IServiceProvider services,
    ILogger<QueueTriggerListener> logger) : BackgroundService
{
    /// <summary>How long a received message stays hidden while its function runs (the host uses 10 minutes).</summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly Func<QueueMessage, CancellationToken, object?[]> _bind = QueueArgumentBinder.For(function);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inFlight = new List<Task>();
        var delay = MinimumPollingInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                if (inFlight.Count > settings.NewBatchThreshold)
                {
                    await Task.WhenAny(inFlight);
                    continue;
                }

                var batch = await ReceiveAsync(stoppingToken);
                if (batch.Length == 0)
                {
                    await Task.Delay(delay, stoppingToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxPollingInterval.Ticks));
                    continue;
                }

                delay = MinimumPollingInterval;
                inFlight.AddRange(batch.Select(message => Task.Run(() => ProcessAsync(message, stoppingToken), CancellationToken.None)));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: let the invocations in flight finish below.
        }

        await Task.WhenAll(inFlight);
    }

    private async Task<QueueMessage[]> ReceiveAsync(CancellationToken stoppingToken)
    {
        try
        {
            return (await queue.ReceiveMessagesAsync(settings.BatchSize, Lease, stoppingToken)).Value;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested && (ex is RequestFailedException || StorageFaults.IsUnavailable(ex)))
        {
            // A missing queue or an unreachable account reads as an empty queue: keep polling.
            LogReceiveFailed(logger, queue.Name, ex.Message);
            return [];
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        bool succeeded;
        try
        {
            await using var scope = services.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(function.Method, scope.ServiceProvider, _bind(message, stoppingToken));
            succeeded = true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await SettleAsync(() => queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None), message);
            return;
        }
        catch (Exception ex)
        {
            // The message body is never logged: it may hold personal data.
            LogInvocationFailed(logger, ex, function.Name, message.MessageId, message.DequeueCount, settings.MaxDequeueCount);
            succeeded = false;
        }

        if (succeeded)
        {
            await SettleAsync(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None), message);
        }
        else if (message.DequeueCount >= settings.MaxDequeueCount)
        {
            await SettleAsync(() => MoveToPoisonAsync(message), message);
        }
        else
        {
            await SettleAsync(() => queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None), message);
        }
    }

    private async Task<Response> MoveToPoisonAsync(QueueMessage message)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
        LogPoisoned(logger, function.Name, message.MessageId, poison.Name);
        return await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
    }

    // Settling can fail (storage down, lease lost); the message then simply reappears later.
    private async Task SettleAsync<T>(Func<Task<T>> settle, QueueMessage message)
    {
        try
        {
            await settle();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: typically an SDK retry of a delete whose first attempt landed (the Functions host ignores this too).
            LogAlreadySettled(logger, message.MessageId, queue.Name);
        }
        catch (Exception ex) when (ex is RequestFailedException || StorageFaults.IsUnavailable(ex))
        {
            LogSettleFailed(logger, message.MessageId, queue.Name, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Receiving from queue {Queue} failed: {Reason}")]
    private static partial void LogReceiveFailed(ILogger logger, string queue, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} failed on message {MessageId} (attempt {DequeueCount} of {MaxDequeueCount})")]
    private static partial void LogInvocationFailed(ILogger logger, Exception exception, string function, string messageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function}: message {MessageId} moved to {PoisonQueue}")]
    private static partial void LogPoisoned(ILogger logger, string function, string messageId, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} on {Queue} was already gone when settled")]
    private static partial void LogAlreadySettled(ILogger logger, string messageId, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not settle message {MessageId} on {Queue}; it will reappear: {Reason}")]
    private static partial void LogSettleFailed(ILogger logger, string messageId, string queue, string reason);
}
