using System.Security.Cryptography;
using System.Text;

namespace InclusionCases.Functions.Idempotency;

/// <summary>
/// What makes two requests "the same" for an idempotency key: the method, the path (ids included,
/// never the query) and the exact body bytes. A body re-serialised differently (spacing, field
/// order) is a different request: the key is for retrying the bytes already sent.
/// </summary>
public static class RequestFingerprint
{
    /// <summary>Lowercase hex SHA-256 over the method, the path and the SHA-256 of the body.</summary>
    public static string Of(string method, string path, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var text = method.ToUpperInvariant() + "\n" + path + "\n" + bodyHash;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
