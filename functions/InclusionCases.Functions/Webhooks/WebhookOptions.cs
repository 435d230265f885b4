namespace InclusionCases.Functions.Webhooks;

/// <summary>How webhooks are delivered and their secrets kept (configuration section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>At most this many subscriptions per organisation.</summary>
    public const int MaxPerOrganisation = 5;

    /// <summary>
    /// Whether a subscription may point at a loopback address (<c>Webhooks__AllowLoopback</c>), to test
    /// against a receiver on the same machine. Refused at start outside a Development host.
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>
    /// The key that encrypts subscription secrets at rest (<c>Webhooks__SecretKey</c>): base64 of 32
    /// random bytes; in Azure a Key Vault reference. Required: the app does not start without it.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>The wait before the first retry of a failed delivery (<c>Webhooks__FirstRetryDelay</c>); each next wait doubles.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one delivery attempt may take, connection included.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether <paramref name="key"/> is base64 of exactly 32 bytes.</summary>
    public static bool IsKey(string? key)
    {
        var bytes = new byte[48];
        return key is not null && Convert.TryFromBase64String(key, bytes, out var written) && written == 32;
    }
}
