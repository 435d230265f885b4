using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Webhooks;

/// <summary>Queues delivery attempts on <c>webhook-deliveries</c>, hidden until they are due (at most 7 days ahead: the queue's limit; an early message queues itself again).</summary>
public sealed class DeliveryAttempts(StorageAccount storage, QueueNames queues, TimeProvider clock)
{
    /// <summary>The longest a queue message can stay hidden.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    public async Task SendAsync(DeliveryMessage message, DateTimeOffset? dueAt, CancellationToken cancellationToken)
    {
        var wait = dueAt is { } due ? due - clock.GetUtcNow() : TimeSpan.Zero;
        var delay = wait <= TimeSpan.Zero ? (TimeSpan?)null : wait > MaxDelay ? MaxDelay : wait;
        // Never expiring: a message hidden for days would otherwise outlive its queue's default seven-day life by a minute.
        await storage.Queue(queues.WebhookDeliveries).SendMessageAsync(Http.QueueMessages.Serialize(message), delay, NeverExpires, cancellationToken);
    }
}
