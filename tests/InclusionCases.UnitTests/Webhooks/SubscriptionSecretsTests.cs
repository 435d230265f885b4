using System.Security.Cryptography;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Webhooks;
using Microsoft.Extensions.Options;

namespace InclusionCases.UnitTests.Webhooks;

/// <summary>Subscription secrets at rest: sealed, bound to their subscription, readable only with the key.</summary>
public sealed class SubscriptionSecretsTests
{
    private static SubscriptionSecrets With(byte[] key) => new(Options.Create(new WebhookOptions { SecretKey = Convert.ToBase64String(key) }));

    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Protect_HidesTheSecret_AndUnprotectGivesItBack()
    {
        var secret = WebhookSignature.NewSecret();
        var secrets = With(Key);
        var sealedSecret = secrets.Protect(secret, "habitat-asbl", "whaaaaaaaaaaaaaaaa");

        Assert.DoesNotContain(secret[WebhookSignature.SecretPrefix.Length..], sealedSecret, StringComparison.Ordinal);
        Assert.StartsWith("v1.", sealedSecret, StringComparison.Ordinal);
        Assert.NotEqual(sealedSecret, secrets.Protect(secret, "habitat-asbl", "whaaaaaaaaaaaaaaaa")); // a fresh nonce each time
        Assert.Equal(secret, secrets.Unprotect(sealedSecret, "habitat-asbl", "whaaaaaaaaaaaaaaaa"));
    }

    [Fact]
    public void Unprotect_RefusesAnotherSubscription_AnotherKey_AndATamperedValue()
    {
        var secrets = With(Key);
        var sealedSecret = secrets.Protect(WebhookSignature.NewSecret(), "habitat-asbl", "whaaaaaaaaaaaaaaaa");

        Assert.ThrowsAny<CryptographicException>(() => secrets.Unprotect(sealedSecret, "habitat-asbl", "whbbbbbbbbbbbbbbbb"));
        Assert.ThrowsAny<CryptographicException>(() => secrets.Unprotect(sealedSecret, "jette-cpas", "whaaaaaaaaaaaaaaaa"));
        Assert.ThrowsAny<CryptographicException>(() => secrets.Unprotect("v1." + sealedSecret.Split('.')[1] + ".bm90IGVub3VnaA==", "habitat-asbl", "whaaaaaaaaaaaaaaaa"));
        Assert.ThrowsAny<CryptographicException>(() => With(RandomNumberGenerator.GetBytes(32)).Unprotect(sealedSecret, "habitat-asbl", "whaaaaaaaaaaaaaaaa"));
        var bytes = Convert.FromBase64String(sealedSecret.Split('.')[2]);
        bytes[^1] ^= 1;
        var tampered = string.Join('.', sealedSecret.Split('.')[..2]) + "." + Convert.ToBase64String(bytes);
        Assert.ThrowsAny<CryptographicException>(() => secrets.Unprotect(tampered, "habitat-asbl", "whaaaaaaaaaaaaaaaa"));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("not base64!", false)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==", false)] // 16 bytes
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/webhook-secret-key)", false)] // an unresolved reference
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", true)] // 32 bytes
    public void IsKey_WantsBase64OfExactly32Bytes(string? key, bool expected) => Assert.Equal(expected, WebhookOptions.IsKey(key));
}
