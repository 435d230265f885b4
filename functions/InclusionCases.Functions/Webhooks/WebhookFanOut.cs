using InclusionCases.Domain.Webhooks;

namespace InclusionCases.Functions.Webhooks;

/// <summary>
/// The projector's part for webhooks: each event a committed change carried in its outbox row becomes
/// a delivery (in <see cref="DeliveryLog"/>) and a queued attempt for every subscription of the receiving
/// organisation that asked for its type. It runs before the outbox row is deleted, so an event is never
/// lost; a projection run again finds the delivery there and queues its first attempt again only while
/// it has not been made (a duplicate message does nothing, see <see cref="DeliveryMessage"/>).
/// </summary>
public sealed class WebhookFanOut(SubscriptionStore subscriptions, DeliveryLog log, DeliveryAttempts queued)
{
    public async Task FanOutAsync(IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var byOrganisation in events.GroupBy(e => e.OrganisationId, StringComparer.Ordinal))
        {
            var subscribed = await subscriptions.ListAsync(byOrganisation.Key, cancellationToken);
            foreach (var notice in byOrganisation)
            {
                foreach (var subscription in subscribed.Where(s => s.Wants(notice.Type)))
                {
                    await QueueFirstAttemptAsync(subscription, notice, cancellationToken);
                }
            }
        }
    }

    private async Task QueueFirstAttemptAsync(Subscription subscription, WebhookEvent notice, CancellationToken cancellationToken)
    {
        var delivery = Delivery.New(subscription.Id, notice);
        if (!await log.TryAddAsync(delivery, cancellationToken))
        {
            var existing = await log.GetAsync(subscription.Id, notice.Id, cancellationToken);
            if (existing is not { Delivery: { Status: DeliveryStatus.Pending, Attempts: 0 } })
            {
                return;
            }
        }

        await queued.SendAsync(new DeliveryMessage(subscription.OrganisationId, subscription.Id, notice.Id, 0), delivery.NextAttemptAt, cancellationToken);
    }
}
