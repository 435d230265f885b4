using System.Text.RegularExpressions;

namespace InclusionCases.Domain.Persons;

/// <summary>The shape of a person id: <c>p</c> and 16 lowercase base32 characters (random, issued by the API).</summary>
public static partial class PersonIds
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex(@"^p[a-z2-7]{16}\z")]
    private static partial Regex Pattern();
}
