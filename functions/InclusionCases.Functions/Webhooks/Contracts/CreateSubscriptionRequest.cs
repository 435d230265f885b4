using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace InclusionCases.Functions.Webhooks.Contracts;

/// <summary>Body of <c>POST /api/subscriptions</c>: where to send events, and which.</summary>
public sealed record CreateSubscriptionRequest(
    [property: Required, MaxLength(CreateSubscriptionRequest.MaxUrlLength), Description("An https URL to a public host; it is resolved now and again on every delivery.")] string? Url,
    [property: Required, MinLength(1), MaxLength(CreateSubscriptionRequest.MaxEvents), Description("Event types: referral.received, referral.withdrawn, referral.expired, referral.accepted, referral.declined, consent.expiring, consent.revoked, case.participationEnded, task.due.")] IReadOnlyList<string>? Events)
{
    public const int MaxUrlLength = 2_000;

    /// <summary>As many as there are event types (<see cref="Domain.Webhooks.WebhookEventTypes.All"/>; a unit test keeps them equal).</summary>
    public const int MaxEvents = 9;
}
