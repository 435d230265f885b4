using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace InclusionCases.Functions.PersonFile;

/// <summary>
/// Turns a checked NISS or BIS number (its 11 digits) into the only form ever stored, logged or queued:
/// HMAC-SHA256 under <see cref="IdentifierHashOptions.IdentifierKey"/>, a secret kept out of storage. Equal
/// numbers give equal hashes, so they match across organisations; without the key the 11-digit space
/// (about 10^10 valid numbers) cannot be walked to undo a hash, as it could with a plain digest.
/// </summary>
public sealed class IdentifierHasher
{
    private readonly byte[] _key;

    public IdentifierHasher(IOptions<IdentifierHashOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = Convert.FromBase64String(options.Value.IdentifierKey ?? throw new InvalidOperationException("Matching:IdentifierKey is not set."));
    }

    /// <summary>The keyed hash of a number's 11 digits, as 32 lowercase hex characters.</summary>
    public string Hash(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(digits)))[..32];
    }

    /// <summary>
    /// A keyed digest of a submitted field (name and value), as 16 hex characters: what the audit log
    /// keeps of a match call's fields. Someone holding the key can tell whether a given value was
    /// searched for; nobody can read the value back.
    /// </summary>
    public string Digest(string field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("field|" + field + "|" + value)))[..16];
    }
}
