using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace InclusionCases.Functions.Webhooks;

/// <summary>
/// Keeps subscription secrets encrypted at rest: AES-256-GCM under <see cref="WebhookOptions.SecretKey"/>
/// (a Key Vault secret in Azure, never in storage), with the subscription's organisation and id as
/// associated data, so a stolen table gives no secret and a secret copied onto another subscription's
/// row does not decrypt. The stored form names its key by a digest, so a secret sealed under another key
/// (a misconfigured app) is told apart from a damaged one.
/// The sender needs the secret itself to sign (HMAC), so a hash would not do.
/// </summary>
public sealed class SubscriptionSecrets
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;
    private readonly string _keyId;

    public SubscriptionSecrets(IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = Convert.FromBase64String(options.Value.SecretKey ?? throw new InvalidOperationException("Webhooks:SecretKey is not set."));
        _keyId = Convert.ToHexStringLower(SHA256.HashData(_key))[..8];
    }

    /// <summary>The stored form of <paramref name="secret"/> for <paramref name="organisationId"/>'s subscription <paramref name="subscriptionId"/>.</summary>
    public string Protect(string secret, string organisationId, string subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), AssociatedData(organisationId, subscriptionId));
        return $"{Version}.{_keyId}.{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>Whether <paramref name="stored"/> was sealed under the key this app has.</summary>
    public bool IsSealedUnderCurrentKey(string stored) =>
        stored is not null && stored.Split('.') is [Version, var keyId, _] && keyId == _keyId;

    /// <summary>The secret back from its stored form; throws if it was altered, moved or sealed under another key.</summary>
    public string Unprotect(string stored, string organisationId, string subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('.');
        if (parts.Length != 3 || parts[0] != Version || parts[1] != _keyId)
        {
            throw new CryptographicException("The subscription secret was sealed under another key or format.");
        }

        var sealedBytes = new byte[parts[2].Length];
        if (!Convert.TryFromBase64String(parts[2], sealedBytes, out var written) || written < NonceSize + TagSize)
        {
            throw new CryptographicException("The stored subscription secret is not readable.");
        }

        sealedBytes = sealedBytes[..written];
        var length = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plain, AssociatedData(organisationId, subscriptionId));
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] AssociatedData(string organisationId, string subscriptionId) => Encoding.UTF8.GetBytes(organisationId + "|" + subscriptionId);
}
