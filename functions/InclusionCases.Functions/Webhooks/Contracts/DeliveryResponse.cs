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
    DeliveryStatus Status,
    int? LastStatusCode,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt)
{
    public static DeliveryResponse From(Delivery d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Event.Id, d.Event.Type, d.Attempts, d.Status, d.LastStatusCode, d.LastAttemptAt, d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null);
    }
}
