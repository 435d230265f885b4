using InclusionCases.Domain.Access;
using InclusionCases.Domain.Tasks;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Referrals;
using InclusionCases.Functions.Storage;
using Microsoft.Extensions.Options;

namespace InclusionCases.Functions.Webhooks.UseCases;

/// <summary>
/// Makes one delivery attempt. Before sending it checks again, against the person's file as it is now,
/// that the receiving organisation may still know of the event (<see cref="AccessPolicy.MayBeNotified"/>):
/// an event whose consent was revoked since is withheld, never sent. A 2xx delivers it; a 410 fails it
/// and disables the subscription; anything else queues the next attempt (<see cref="DeliveryRetries"/>)
/// until the window is over. An attempt first claims the delivery row under its ETag, so of two copies
/// of one queued attempt (the fan-out may queue one twice) only one sends, and a message overtaken by a
/// redelivery does nothing; a claim left by a crash lapses after <see cref="ClaimTimeout"/>, and the
/// attempt is made again (at least once, same <c>webhook-id</c>). Every attempt, and every withholding, is audited: organisation, event id,
/// outcome; never what the event points at.
/// </summary>
public sealed class DeliverEvent(
    SubscriptionStore subscriptions, DeliveryLog log, DeliveryAttempts queued, WebhookSender sender, SubscriptionSecrets secrets,
    PersonFileStore files, ReferralMoves referrals, AuditLog audit, IOptions<WebhookOptions> options, TimeProvider clock)
{
    /// <summary>How long a claimed attempt is left to its sender before another copy of the message may make it.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    // A message may become visible a moment before the time it was queued for.
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(1);

    public async Task ExecuteAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await log.GetAsync(message.SubscriptionId, message.EventId, cancellationToken) is not { } found
            || found.Delivery.Status != DeliveryStatus.Pending || found.Delivery.Attempts != message.Attempt)
        {
            return;
        }

        var (delivery, etag) = found;
        var now = clock.GetUtcNow();
        var due = delivery.ClaimedAt is { } claimed && claimed + ClaimTimeout > now ? claimed + ClaimTimeout : delivery.NextAttemptAt;
        if (due is { } later && later > now + EarlyTolerance)
        {
            await queued.SendAsync(message, later, cancellationToken);
            return;
        }

        if (await subscriptions.GetAsync(message.OrganisationId, message.SubscriptionId, cancellationToken) is not { Subscription: var subscription })
        {
            return;
        }

        var notice = delivery.Event;
        if (subscription.DisabledAt is not null)
        {
            await SettleAsync(delivery with { Status = DeliveryStatus.Failed, NextAttemptAt = null }, etag, AuditAction.DeliveryFailed, cancellationToken);
            return;
        }

        if (!await MayStillKnowAsync(notice, now, cancellationToken))
        {
            await SettleAsync(delivery with { Status = DeliveryStatus.Withheld, NextAttemptAt = null }, etag, AuditAction.DeliveryWithheld, cancellationToken);
            return;
        }

        if (await log.TryReplaceAsync(delivery with { ClaimedAt = now }, etag, cancellationToken) is not { } claimedETag)
        {
            return;
        }

        etag = claimedETag;
        var statusCode = await sender.SendAsync(subscription.Url, secrets.Unprotect(subscription.SealedSecret, subscription.Id), notice, now, cancellationToken);
        var attempts = delivery.Attempts + 1;
        var firstAttemptAt = delivery.FirstAttemptAt ?? now;
        var answer = DeliveryRetries.Classify(statusCode);
        var nextAttemptAt = answer == DeliveryAnswer.TryAgain ? DeliveryRetries.NextAttemptAt(firstAttemptAt, attempts, clock.GetUtcNow(), options.Value.FirstRetryDelay) : null;
        var status = answer == DeliveryAnswer.Delivered ? DeliveryStatus.Delivered : nextAttemptAt is null ? DeliveryStatus.Failed : DeliveryStatus.Pending;
        var attempted = delivery with
        {
            Status = status,
            Attempts = attempts,
            FirstAttemptAt = firstAttemptAt,
            LastAttemptAt = now,
            LastStatusCode = statusCode,
            NextAttemptAt = nextAttemptAt,
            ClaimedAt = null,
        };
        var action = status switch
        {
            DeliveryStatus.Delivered => AuditAction.DeliveryDelivered,
            DeliveryStatus.Pending => AuditAction.DeliveryRetry,
            _ => AuditAction.DeliveryFailed,
        };
        if (!await SettleAsync(attempted, etag, action, cancellationToken))
        {
            return;
        }

        if (status == DeliveryStatus.Pending)
        {
            await queued.SendAsync(message with { Attempt = attempts }, nextAttemptAt, cancellationToken);
        }

        if (answer == DeliveryAnswer.Gone)
        {
            await subscriptions.DisableAsync(subscription.OrganisationId, subscription.Id, now, cancellationToken);
            await audit.WriteAsync(Entry(AuditAction.SubscriptionDisable, subscription.OrganisationId, "subscriptions/" + subscription.Id, null, AuditOutcome.Allowed), cancellationToken);
        }
    }

    private async Task<bool> MayStillKnowAsync(WebhookEvent notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var file = await files.LoadAsync(notice.PersonId, cancellationToken);
        var referral = notice.ReferralId is { } referralId && file.Referral(referralId) is { } stored ? referrals.AccessOf(stored.Value, now) : null;
        var taskOpen = notice.TaskId is { } taskId && file.Task(taskId)?.Value.Status == FollowUpTaskStatus.Open;
        return AccessPolicy.MayBeNotified(notice, file.Access, referral, taskOpen, now);
    }

    // Writes the delivery's new state and its audit entry; false when the row changed since it was read.
    private async Task<bool> SettleAsync(Delivery delivery, Azure.ETag etag, AuditAction action, CancellationToken cancellationToken)
    {
        if (await log.TryReplaceAsync(delivery, etag, cancellationToken) is null)
        {
            return false;
        }

        var notice = delivery.Event;
        var outcome = action == AuditAction.DeliveryWithheld ? AuditOutcome.Denied : AuditOutcome.Allowed;
        await audit.WriteAsync(Entry(action, notice.OrganisationId, $"subscriptions/{delivery.SubscriptionId}/deliveries/{notice.Id}", notice.PersonId, outcome), cancellationToken);
        return true;
    }

    private AuditEntry Entry(AuditAction action, string organisationId, string resource, string? personId, AuditOutcome outcome) =>
        new(EntryIds.New(), clock.GetUtcNow(), PersonChange.SystemActor, organisationId, action, resource, personId, outcome);
}
