namespace InclusionCases.Functions.PersonFile;

/// <summary>The key NISS and BIS numbers are hashed under (configuration section <c>Matching</c>).</summary>
public sealed class IdentifierHashOptions
{
    public const string SectionName = "Matching";

    /// <summary>
    /// Base64 of 32 random bytes (<c>Matching__IdentifierKey</c>); in Azure a Key Vault reference. The same
    /// number hashes the same for every organisation only under one key, so it is never rotated in place.
    /// </summary>
    public string? IdentifierKey { get; set; }

    /// <summary>Whether <paramref name="key"/> is base64 of exactly 32 bytes.</summary>
    public static bool IsKey(string? key)
    {
        var bytes = new byte[48];
        return key is not null && Convert.TryFromBase64String(key, bytes, out var written) && written == 32;
    }
}
