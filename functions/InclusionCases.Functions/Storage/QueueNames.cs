using Microsoft.Extensions.Configuration;

namespace InclusionCases.Functions.Storage;

/// <summary>
/// The queues the app uses. Each name is an app setting, because queue triggers name their queue
/// with a binding expression (<c>%Setting%</c>) that both the Functions host and the local host
/// resolve from configuration.
/// </summary>
public sealed class QueueNames(IReadOnlyDictionary<string, string> bySetting)
{
    /// <summary>The setting naming the queue of case events (outbox notifications for the projector).</summary>
    public const string CaseEventsSetting = "CaseEventsQueue";

    /// <summary>The setting naming the queue of accepted street-contact chunks.</summary>
    public const string ContactIntakeSetting = "ContactIntakeQueue";

    /// <summary>The setting naming the queue of webhook delivery attempts.</summary>
    public const string WebhookDeliveriesSetting = "WebhookDeliveriesQueue";

    /// <summary>The setting naming the queue of match calls whose holders are looked for out of the caller's sight.</summary>
    public const string MatchRequestsSetting = "MatchRequestsQueue";

    /// <summary>The settings that hold a queue name, with the name used when a setting is absent.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        [CaseEventsSetting] = "case-events",
        [ContactIntakeSetting] = "contact-intake",
        [WebhookDeliveriesSetting] = "webhook-deliveries",
        [MatchRequestsSetting] = "match-requests",
    };

    public IReadOnlyList<string> All { get; } = [.. bySetting.Values];

    public string CaseEvents { get; } = bySetting[CaseEventsSetting];

    public string ContactIntake { get; } = bySetting[ContactIntakeSetting];

    public string WebhookDeliveries { get; } = bySetting[WebhookDeliveriesSetting];

    public string MatchRequests { get; } = bySetting[MatchRequestsSetting];

    /// <summary>The queue the Functions host moves a message to after its last failed attempt.</summary>
    public static string PoisonOf(string queueName) => queueName + "-poison";

    public static QueueNames FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new QueueNames(Settings.ToDictionary(s => s.Key, s => configuration[s.Key] ?? s.Value));
    }
}
