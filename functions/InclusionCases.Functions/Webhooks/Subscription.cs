namespace InclusionCases.Functions.Webhooks;

/// <summary>
/// An organisation's webhook subscription: where to send which events, and the secret they are signed
/// with, kept sealed (<see cref="SubscriptionSecrets"/>). A subscription disabled by a 410 stays listed, receiving nothing.
/// </summary>
public sealed record Subscription(
    string Id,
    string OrganisationId,
    Uri Url,
    IReadOnlyList<string> Events,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? DisabledAt,
    string SealedSecret)
{
    public bool Wants(string eventType) => DisabledAt is null && Events.Contains(eventType, StringComparer.Ordinal);
}
