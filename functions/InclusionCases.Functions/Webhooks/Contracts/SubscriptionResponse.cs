namespace InclusionCases.Functions.Webhooks.Contracts;

/// <summary>A webhook subscription of the caller's organisation (its secret is never shown again).</summary>
public sealed record SubscriptionResponse(
    string Id,
    string Url,
    IReadOnlyList<string> Events,
    SubscriptionStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt)
{
    public static SubscriptionResponse From(Subscription s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Url.AbsoluteUri, s.Events, s.DisabledAt is null ? SubscriptionStatus.Active : SubscriptionStatus.Disabled, s.CreatedAt, s.DisabledAt);
    }
}
