namespace InclusionCases.Domain.Webhooks;

/// <summary>Where the delivery of one event to one subscription stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Not yet delivered: waiting for its first attempt, its time (a task due later), or its next attempt.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up: no 2xx within the retry window, or the receiver answered 410.</summary>
    Failed,

    /// <summary>Not sent: when its time came the receiving organisation no longer had the right to know (consent revoked, referral gone, task closed).</summary>
    Withheld,
}
