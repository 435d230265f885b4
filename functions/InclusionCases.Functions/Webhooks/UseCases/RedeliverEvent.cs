using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Webhooks.Contracts;

namespace InclusionCases.Functions.Webhooks.UseCases;

/// <summary>
/// Sends a delivered or failed event of the log again: it is pending again with a new 24-hour window, and
/// its attempt is queued now. The receiver's right to know is checked again when it is sent, so a
/// redelivery never sends what a revoked consent stopped. One still pending, or a disabled subscription,
/// is a 409: so each redelivery waits for the last to end, and a partner cannot make us send in a loop
/// faster than its receiver answers.
/// </summary>
public sealed class RedeliverEvent(SubscriptionStore store, DeliveryLog log, DeliveryAttempts queued, AuditLog audit, TimeProvider clock)
{
    private const int Attempts = 3;
    private static readonly TimeSpan QueueAhead = TimeSpan.FromSeconds(2);

    public async Task<DeliveryResponse> ExecuteAsync(Caller caller, string subscriptionId, string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!SubscriptionIds.IsValid(subscriptionId))
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundSubscription);
        }

        if (!PersonFile.RecordIds.IsEventId(eventId))
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundDelivery);
        }

        await audit.RecordAttemptAsync(AuditAction.DeliveryRedeliver, $"subscriptions/{subscriptionId}/deliveries/{eventId}", null, cancellationToken);
        if (await store.GetAsync(caller.OrganisationId, subscriptionId, cancellationToken) is not { Subscription: var subscription })
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundSubscription);
        }

        if (subscription.DisabledAt is not null)
        {
            throw ApiProblemException.Conflict(ApiText.SubscriptionDisabled);
        }

        for (var attempt = 1; ; attempt++)
        {
            // A withheld event is not the organisation's to know of: as unknown as one that never was.
            if (await log.GetAsync(subscriptionId, eventId, cancellationToken) is not { } found || found.Delivery.Status == DeliveryStatus.Withheld)
            {
                throw ApiProblemException.NotFound(ApiText.NotFoundDelivery);
            }

            // One at a time: a delivery still waiting for an attempt (or in one) is not queued twice.
            if (found.Delivery.Status == DeliveryStatus.Pending)
            {
                throw ApiProblemException.Conflict(ApiText.DeliveryPending);
            }

            var now = clock.GetUtcNow();
            var again = found.Delivery with { Status = DeliveryStatus.Pending, FirstAttemptAt = null, NextAttemptAt = now, ClaimedAt = null, AttemptsBeforeWindow = found.Delivery.Attempts };

            // Queued (a moment ahead) before the row says pending: a failure in between leaves a message that
            // finds nothing to do, never a pending row that nothing will try.
            await queued.SendAsync(new DeliveryMessage(subscription.OrganisationId, subscriptionId, eventId, again.Attempts), now + QueueAhead, cancellationToken);
            if (await log.TryReplaceAsync(again, found.ETag, cancellationToken) is not null)
            {
                return DeliveryResponse.From(again);
            }

            if (attempt == Attempts)
            {
                throw ApiProblemException.Conflict(ApiText.RecordChanged);
            }
        }
    }
}
