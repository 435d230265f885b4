namespace InclusionCases.Functions.Webhooks.Contracts;

/// <summary>
/// A subscription just created, with its signing secret (<c>whsec_</c> and base64 of 32 bytes). The
/// secret is shown this once: keep it where your receiver can read it; to change it, create a new
/// subscription and delete this one.
/// </summary>
public sealed record CreatedSubscriptionResponse(
    string Id,
    string Url,
    IReadOnlyList<string> Events,
    SubscriptionStatus Status,
    DateTimeOffset CreatedAt,
    string Secret);
