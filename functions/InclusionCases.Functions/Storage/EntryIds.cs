using System.Security.Cryptography;

namespace InclusionCases.Functions.Storage;

/// <summary>Random, unguessable ids of rows that need no meaning of their own (audit entries, timeline entries, outbox rows).</summary>
public static class EntryIds
{
    public const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New() => Random(12);

    /// <summary><paramref name="length"/> lowercase base32 characters.</summary>
    public static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
