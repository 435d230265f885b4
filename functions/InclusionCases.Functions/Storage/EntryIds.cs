using System.Security.Cryptography;

namespace InclusionCases.Functions.Storage;

/// <summary>Ids of rows: random and unguessable where they need no meaning of their own (audit entries, timeline entries, outbox rows), or digests where one thing must always get the same id.</summary>
public static class EntryIds
{
    public const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New() => Random(12);

    /// <summary><paramref name="length"/> lowercase base32 characters.</summary>
    public static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary><paramref name="length"/> lowercase base32 characters that always stand for <paramref name="text"/> (from its SHA-256).</summary>
    public static string Digest(string text, int length)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return string.Concat(hash.Take(length).Select(b => Alphabet[b % Alphabet.Length]));
    }
}
