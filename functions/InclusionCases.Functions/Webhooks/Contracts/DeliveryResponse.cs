using InclusionCases.Domain.Webhooks;

namespace InclusionCases.Functions.Webhooks.Contracts;

/// <summary>
/// One event's delivery to a subscription: its id (the <c>webhook-id</c>), its type, how many attempts
/// were made, where it stands, and the last status code the receiver answered (null when none came).
/// </summary>
public sealed record DeliveryResponse(
    string EventId,
    string Type,
    int Attempts,
    DeliveryState Status,
    int? LastStatusCode,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt)
{
    public static DeliveryResponse From(Delivery d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var state = d.Status switch
        {
            DeliveryStatus.Pending => DeliveryState.Pending,
            DeliveryStatus.Delivered => DeliveryState.Delivered,
            DeliveryStatus.Failed => DeliveryState.Failed,
            _ => throw new InvalidOperationException("A withheld delivery is never shown."),
        };
        return new(d.Event.Id, d.Event.Type, d.Attempts, state, d.LastStatusCode, d.LastAttemptAt, d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null);
    }
}
