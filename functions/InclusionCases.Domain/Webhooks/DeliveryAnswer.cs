namespace InclusionCases.Domain.Webhooks;

/// <summary>What a receiver's answer (or its absence) means for a delivery.</summary>
public enum DeliveryAnswer
{
    /// <summary>A 2xx: the event arrived.</summary>
    Delivered,

    /// <summary>A 410: the receiver is gone for good; the subscription is disabled.</summary>
    Gone,

    /// <summary>Anything else (another status, a redirect, which is never followed, no answer): try again later.</summary>
    TryAgain,
}
