namespace InclusionCases.Functions.Webhooks.Contracts;

/// <summary>Where a delivery shown in the log stands.</summary>
public enum DeliveryState
{
    /// <summary>Waiting for its first attempt, its time (a task due later) or its next attempt.</summary>
    Pending,

    /// <summary>Your receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up: no 2xx within 24 hours, a 410, or the subscription was disabled. Redeliver it once your receiver is back.</summary>
    Failed,
}
