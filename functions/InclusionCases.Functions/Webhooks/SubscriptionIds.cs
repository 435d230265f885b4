using System.Text.RegularExpressions;

namespace InclusionCases.Functions.Webhooks;

/// <summary>Subscription ids: <c>wh</c> and 16 random lowercase base32 characters.</summary>
public static partial class SubscriptionIds
{
    public static string New() => "wh" + Storage.EntryIds.Random(16);

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex(@"^wh[a-z2-7]{16}\z")]
    private static partial Regex Pattern();
}
