using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InclusionCases.Domain.Webhooks;

/// <summary>
/// Standard Webhooks signatures: <c>webhook-signature</c> is <c>v1,</c> and the base64 HMAC-SHA256 of
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, keyed with the secret's bytes (the secret is shown as
/// <c>whsec_</c> and their base64). A receiver accepts a timestamp within five minutes of its clock,
/// so a captured delivery cannot be replayed later, and any of several space-separated signatures
/// (a secret being rotated signs twice).
/// </summary>
public static class WebhookSignature
{
    /// <summary>How a secret is shown: this prefix, then the key bytes in base64.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>How far a delivery's timestamp may be from the receiver's clock.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>A new secret of 32 random bytes, in its shown form.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> header value for one delivery.</summary>
    public static string Sign(string secret, string messageId, DateTimeOffset timestamp, string body) =>
        "v1," + Convert.ToBase64String(Mac(secret, messageId, timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), body));

    /// <summary>Whether a delivery's headers sign <paramref name="body"/> with <paramref name="secret"/>, at a time close enough to <paramref name="now"/>.</summary>
    public static bool Verify(string secret, string messageId, string timestamp, string signatures, string body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (DateTimeOffset.FromUnixTimeSeconds(seconds) - now).Duration() > Tolerance)
        {
            return false;
        }

        var expected = Mac(secret, messageId, timestamp, body);
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Select(s => TryBase64(s[3..]))
            .Any(given => given is not null && CryptographicOperations.FixedTimeEquals(given, expected));
    }

    private static byte[] Mac(string secret, string messageId, string timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}"));
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
