using System.Text.RegularExpressions;

namespace InclusionCases.Functions.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request header: 1 to 64 characters of <c>[A-Za-z0-9_-]</c>, chosen by the
/// client, one per logical request it may retry.
/// </summary>
public static partial class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    public const int MaxLength = 64;

    /// <summary>The pattern as the OpenAPI document states it.</summary>
    public const string Pattern = "^[A-Za-z0-9_-]{1,64}$";

    /// <summary>Whether <paramref name="value"/> is a well-formed key (a trailing newline is not).</summary>
    public static bool IsValid(string? value) => value is not null && Shape().IsMatch(value);

    // \z, not $: .NET's $ also matches before a final "\n".
    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
