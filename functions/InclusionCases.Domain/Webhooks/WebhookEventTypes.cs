namespace InclusionCases.Domain.Webhooks;

/// <summary>
/// The event types a subscription may ask for: the CloudEvents <c>type</c> a partner receives. Each
/// event names ids only (a case, a referral, a consent, a task), never anything about the person.
/// </summary>
public static class WebhookEventTypes
{
    /// <summary>A case was referred to the receiving organisation.</summary>
    public const string ReferralReceived = "referral.received";

    /// <summary>The referring lead withdrew a referral to the receiving organisation.</summary>
    public const string ReferralWithdrawn = "referral.withdrawn";

    /// <summary>A referral from or to the receiving organisation stayed pending too long.</summary>
    public const string ReferralExpired = "referral.expired";

    /// <summary>The referred organisation accepted the receiving organisation's referral.</summary>
    public const string ReferralAccepted = "referral.accepted";

    /// <summary>The referred organisation declined the receiving organisation's referral.</summary>
    public const string ReferralDeclined = "referral.declined";

    /// <summary>A consent covering a case the receiving organisation leads enters its last 30 days.</summary>
    public const string ConsentExpiring = "consent.expiring";

    /// <summary>A consent about a case the receiving organisation still sees was revoked.</summary>
    public const string ConsentRevoked = "consent.revoked";

    /// <summary>The receiving organisation no longer sees a case (the lead ended its part, or consent no longer covers it).</summary>
    public const string CaseParticipationEnded = "case.participationEnded";

    /// <summary>One of the receiving organisation's follow-up tasks is due today.</summary>
    public const string TaskDue = "task.due";

    /// <summary>Every type, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ReferralReceived, ReferralWithdrawn, ReferralExpired, ReferralAccepted, ReferralDeclined,
        ConsentExpiring, ConsentRevoked, CaseParticipationEnded, TaskDue,
    ];

    /// <summary>Whether <paramref name="type"/> is one of <see cref="All"/>, spelt exactly.</summary>
    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
