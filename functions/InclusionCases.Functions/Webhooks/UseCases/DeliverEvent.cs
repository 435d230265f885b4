using System.Security.Cryptography;
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
/// of one queued attempt (the fan-out may queue one twice) only one goes on, and a message overtaken by a
/// redelivery does nothing; a claim left by a crash lapses after <see cref="ClaimTimeout"/>, and the
/// attempt is made again (at least once, same <c>webhook-id</c>). A delivery to a subscription deleted or
/// disabled since ends as failed. A secret sealed under another key than the app's fails the message (a
/// configuration fault, for the poison queue's alert); one that does not open under the right key is
/// damaged, and its subscription is disabled. Every attempt, and every withholding, is audited: organisation, event id,
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
        var due = delivery.ClaimedAt is { } claimedAt && claimedAt + ClaimTimeout > now ? claimedAt + ClaimTimeout : delivery.NextAttemptAt;
        if (due is { } later && later > now + EarlyTolerance)
        {
            await queued.SendAsync(message, later, cancellationToken);
            return;
        }

        var subscription = (await subscriptions.GetAsync(message.OrganisationId, message.SubscriptionId, cancellationToken))?.Subscription;
        if (subscription is not null && !secrets.IsSealedUnderCurrentKey(subscription.SealedSecret))
        {
            // The app runs with another key than the secret was sealed under: a fault of the configuration, not of
            // the subscription. The message fails, to the poison queue and its alert, instead of disabling anything.
            throw new InvalidOperationException("The subscription's secret was sealed under another Webhooks:SecretKey than the app has.");
        }

        // The claim: of two copies of this message, one goes on.
        if (await log.TryReplaceAsync(delivery with { ClaimedAt = now }, etag, cancellationToken) is not { } claimed)
        {
            return;
        }

        var notice = delivery.Event;
        var settled = delivery with { NextAttemptAt = null, ClaimedAt = null };
        if (subscription is null || subscription.DisabledAt is not null)
        {
            await SettleAsync(settled with { Status = DeliveryStatus.Failed }, claimed, AuditAction.DeliveryFailed, cancellationToken);
            return;
        }

        if (!await MayStillKnowAsync(notice, now, cancellationToken))
        {
            await SettleAsync(settled with { Status = DeliveryStatus.Withheld }, claimed, AuditAction.DeliveryWithheld, cancellationToken);
            return;
        }

        string secret;
        try
        {
            secret = secrets.Unprotect(subscription.SealedSecret, subscription.OrganisationId, subscription.Id);
        }
        catch (CryptographicException)
        {
            // Sealed under this key, yet it does not open: the row was altered or copied. Nothing can be signed for it again.
            await DisableAsync(subscription, now, cancellationToken);
            await SettleAsync(settled with { Status = DeliveryStatus.Failed }, claimed, AuditAction.DeliveryFailed, cancellationToken);
            return;
        }

        var statusCode = await sender.SendAsync(subscription.Url, secret, notice, now, cancellationToken);
        var attempts = delivery.Attempts + 1;
        var firstAttemptAt = delivery.FirstAttemptAt ?? now;
        var answer = DeliveryRetries.Classify(statusCode);
        var nextAttemptAt = answer == DeliveryAnswer.TryAgain ? DeliveryRetries.NextAttemptAt(firstAttemptAt, attempts - delivery.AttemptsBeforeWindow, clock.GetUtcNow(), options.Value.FirstRetryDelay) : null;
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

        // The attempt was made: it is audited, and a 410 disables the subscription, whatever becomes of the row.
        // The next attempt is queued before the row says it is due, so a failure in between leaves a message
        // (dropped if the row never moves on), never a pending row that nothing will try.
        await audit.WriteAsync(Entry(action, notice.OrganisationId, Resource(delivery), notice.PersonId, AuditOutcome.Allowed), cancellationToken);
        if (answer == DeliveryAnswer.Gone)
        {
            await DisableAsync(subscription, now, cancellationToken);
        }

        if (status == DeliveryStatus.Pending)
        {
            await queued.SendAsync(message with { Attempt = attempts }, nextAttemptAt, cancellationToken);
        }

        await log.TryReplaceAsync(attempted, claimed, cancellationToken);
    }

    private async Task<bool> MayStillKnowAsync(WebhookEvent notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var file = await files.LoadAsync(notice.PersonId, cancellationToken);
        var referral = notice.ReferralId is { } referralId && file.Referral(referralId) is { } stored ? referrals.AccessOf(stored.Value, now) : null;
        var taskOpen = notice.TaskId is { } taskId && file.Task(taskId)?.Value.Status == FollowUpTaskStatus.Open;
        return AccessPolicy.MayBeNotified(notice, file.Access, referral, taskOpen, now);
    }

    // Audits a delivery ending without an attempt (withheld, or its subscription disabled), then writes it down under its claim.
    private async Task SettleAsync(Delivery delivery, Azure.ETag claimed, AuditAction action, CancellationToken cancellationToken)
    {
        var notice = delivery.Event;
        var outcome = action == AuditAction.DeliveryWithheld ? AuditOutcome.Denied : AuditOutcome.Allowed;
        await audit.WriteAsync(Entry(action, notice.OrganisationId, Resource(delivery), notice.PersonId, outcome), cancellationToken);
        await log.TryReplaceAsync(delivery, claimed, cancellationToken);
    }

    private async Task DisableAsync(Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await subscriptions.DisableAsync(subscription.OrganisationId, subscription.Id, now, cancellationToken);
        await audit.WriteAsync(Entry(AuditAction.SubscriptionDisable, subscription.OrganisationId, "subscriptions/" + subscription.Id, null, AuditOutcome.Allowed), cancellationToken);
    }

    private static string Resource(Delivery delivery) => $"subscriptions/{delivery.SubscriptionId}/deliveries/{delivery.Event.Id}";

    private AuditEntry Entry(AuditAction action, string organisationId, string resource, string? personId, AuditOutcome outcome) =>
        new(EntryIds.New(), clock.GetUtcNow(), PersonChange.SystemActor, organisationId, action, resource, personId, outcome);
}
