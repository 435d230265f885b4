using InclusionCases.Domain.Webhooks;

namespace InclusionCases.Functions.Webhooks;

/// <summary>
/// One event's delivery to one subscription: the event (ids only), where it stands, how many attempts
/// were made, when the first and last were, the last status code the receiver answered (null when it
/// gave none), when the next attempt is due while it is pending, since when an attempt is being made
/// (a claim, so two copies of one queued attempt send it once), and how many attempts came before the
/// current retry window (a redelivery starts a new one, with the short waits again).
/// </summary>
public sealed record Delivery(
    string SubscriptionId,
    WebhookEvent Event,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset? FirstAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? ClaimedAt = null,
    int AttemptsBeforeWindow = 0)
{
    /// <summary>A delivery not yet tried, due at the event's own time.</summary>
    public static Delivery New(string subscriptionId, WebhookEvent notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new(subscriptionId, notice, DeliveryStatus.Pending, 0, null, null, null, notice.NotBefore ?? notice.OccurredAt);
    }
}
