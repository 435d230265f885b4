namespace InclusionCases.Functions.Webhooks.Contracts;

/// <summary>Whether a subscription receives events.</summary>
public enum SubscriptionStatus
{
    /// <summary>Events are sent to it.</summary>
    Active,

    /// <summary>Its receiver answered 410: nothing more is sent. Delete it and create a new one.</summary>
    Disabled,
}
