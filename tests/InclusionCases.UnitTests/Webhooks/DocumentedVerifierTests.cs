using System.Security.Cryptography;
using System.Text;
using InclusionCases.Domain.Webhooks;

namespace InclusionCases.UnitTests.Webhooks;

/// <summary>
/// The dozen lines docs/webhooks.md gives partners to verify a message: the test runs them, and checks
/// that the page shows exactly these lines, so the documentation cannot drift from what works.
/// </summary>
public sealed class DocumentedVerifierTests
{
    private const string Documented = """
        static bool IsFromInclusionCases(string secret, string id, string timestamp, string signatures, string body)
        {
            if (!long.TryParse(timestamp, out var sent) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - sent) > 300)
                return false;
            var key = Convert.FromBase64String(secret.Replace("whsec_", ""));
            var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
            return signatures.Split(' ').Any(s => s.StartsWith("v1,")
                && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(s[3..]), expected));
        }
        """;

    [Fact]
    public void ThePageShowsTheseLines()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryFiles.Root(), "docs", "webhooks.md"));
        var block = page.Split("```csharp\n")[1].Split("```")[0].TrimEnd();

        Assert.Equal(Documented.ReplaceLineEndings("\n"), block);
    }

    [Fact]
    public void TheLines_AcceptWhatTheApiSigns_AndNothingElse()
    {
        var secret = WebhookSignature.NewSecret();
        var now = DateTimeOffset.UtcNow;
        const string body = """{"specversion":"1.0","id":"e1","type":"referral.received","data":{"caseId":"c1"}}""";
        var signature = WebhookSignature.Sign(secret, "e1", now, body);
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(IsFromInclusionCases(secret, "e1", timestamp, signature, body));
        Assert.True(IsFromInclusionCases(secret, "e1", timestamp, "v2,other " + signature, body));
        Assert.False(IsFromInclusionCases(secret, "e1", timestamp, signature, body.Replace("c1", "c2", StringComparison.Ordinal)));
        Assert.False(IsFromInclusionCases(secret, "e2", timestamp, signature, body));
        Assert.False(IsFromInclusionCases(WebhookSignature.NewSecret(), "e1", timestamp, signature, body));
        var old = now.AddMinutes(-6);
        Assert.False(IsFromInclusionCases(secret, "e1", old.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), WebhookSignature.Sign(secret, "e1", old, body), body));
    }

#pragma warning disable CA1307, CA1309, CA1310, CA1305 // the partner's code, as the page shows it
    static bool IsFromInclusionCases(string secret, string id, string timestamp, string signatures, string body)
    {
        if (!long.TryParse(timestamp, out var sent) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - sent) > 300)
            return false;
        var key = Convert.FromBase64String(secret.Replace("whsec_", ""));
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return signatures.Split(' ').Any(s => s.StartsWith("v1,")
            && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(s[3..]), expected));
    }
#pragma warning restore CA1307, CA1309, CA1310, CA1305
}
