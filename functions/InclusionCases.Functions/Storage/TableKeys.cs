using System.Globalization;

namespace InclusionCases.Functions.Storage;

/// <summary>
/// Table Storage key rules: at most 1 KiB, none of <c>/ \ # ?</c>, no control characters. Ids from
/// requests are checked with this before they reach storage, so a bad id is a 400 or 404, never a
/// storage error.
/// </summary>
public static class TableKeys
{
    public const int MaxLength = 512;

    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key)
        && key.Length <= MaxLength
        && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    /// <summary>Sorts newest first: the log-tail pattern.</summary>
    public static string InvertedTicks(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
