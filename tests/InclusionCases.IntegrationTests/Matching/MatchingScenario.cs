using System.Globalization;
using System.Net;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Matching;

/// <summary>Persons with names and national numbers to look for, and match calls.</summary>
public static class MatchingScenario
{
    /// <summary>A valid NISS of someone born in the 1900s (check digits = 97 − the first nine digits mod 97), different at each call.</summary>
    public static string NewNiss()
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 365 * 49));
        var first9 = long.Parse(birth.ToString("yyMMdd", CultureInfo.InvariantCulture) + Random.Shared.Next(1, 998).ToString("D3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return first9.ToString("D9", CultureInfo.InvariantCulture) + (97 - (first9 % 97)).ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>The same number as printed on a card: 85.07.30-033.28.</summary>
    public static string Printed(string niss) => $"{niss[..2]}.{niss[2..4]}.{niss[4..6]}-{niss[6..9]}.{niss[9..]}";

    public static async Task<(string CaseId, string PersonId)> OpenCaseAsync(TestHost host, string login, string displayName, int birthYear, string? niss = null, string gender = "male")
    {
        object person = niss is null
            ? new { displayName, birthYear, gender }
            : new { displayName, birthYear, gender, identifiers = new[] { new { scheme = "niss", value = niss } } };
        var created = await ApiCall.SendAsync(host, HttpMethod.Post, "cases", login, new { type = "housingFirst", person });
        Assert.True(created.Status == HttpStatusCode.Created, created.Body);
        var personId = created.Json.GetProperty("person").GetProperty("id").GetString()!;
        // Candidates come from the index the projector keeps.
        await host.WaitForProjectionAsync(personId);
        return (created.Field("id"), personId);
    }

    public static async Task<ApiCall> MatchAsync(TestHost host, string login, object body)
    {
        var call = await ApiCall.SendAsync(host, HttpMethod.Post, "persons/match", login, body);
        return call;
    }

    /// <summary>The incoming match request of <paramref name="login"/>'s organisation naming <paramref name="personId"/>, once the holders' side has run.</summary>
    public static async Task<System.Text.Json.JsonElement> IncomingForAsync(TestHost host, string login, string personId) =>
        await Eventually.WaitForAsync(
            async () => (await ApiCall.SendAsync(host, HttpMethod.Get, "match-requests?direction=incoming", login)).Json.GetProperty("items").EnumerateArray()
                .FirstOrDefault(i => i.GetProperty("personId").GetString() == personId),
            i => i.ValueKind == System.Text.Json.JsonValueKind.Object,
            TimeSpan.FromSeconds(60),
            "the match request to reach the holder");
}
