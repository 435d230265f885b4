using System.Text.RegularExpressions;

namespace InclusionCases.Functions.Matching;

/// <summary>Link ids: <c>l</c> and 12 random base32 characters, the same in both linked files.</summary>
public static partial class PersonLinkIds
{
    public static string New() => "l" + Storage.EntryIds.Random(12);

    public static bool IsValid(string? id) => id is not null && LinkId().IsMatch(id);

    [GeneratedRegex(@"^l[a-z2-7]{12}\z")]
    private static partial Regex LinkId();
}
