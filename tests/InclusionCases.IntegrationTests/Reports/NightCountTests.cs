using System.Globalization;
using System.Net;
using System.Text.Json;
using InclusionCases.Domain.Time;
using InclusionCases.IntegrationTests.Contacts;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Reports;

/// <summary>
/// A night count: a Coordinator opens it for a window and zones; the mediators' contacts of that window,
/// uploaded late and twice, are its tallies, people once each (linked records and aliases included),
/// bedded down apart, a small zone suppressed with what would give it back.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class NightCountTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TheNightCount_CountsPeopleOnceByZone_DuplicatesAndLinkedRecordsIncluded_AndSuppressesASmallZone()
    {
        var now = DateTimeOffset.UtcNow;
        var start = now.AddHours(-3);
        var night = PlausibleDates.DayOf(start);
        var window = new { night = Day(night), from = Clock(start), to = Clock(now.AddHours(1)), zones = new[] { "Flagey", "Gare du Midi", "Porte de Namur" } };
        var opened = await Call(HttpMethod.Post, "counts", "marc", window);
        Assert.Equal(HttpStatusCode.Created, opened.Status);
        Assert.Equal($"/api/counts/{opened.Field("id")}", opened.Headers.Location?.OriginalString);

        var persons = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            persons.Add((await Call(HttpMethod.Post, "cases", "sophie", new { type = "homelessness", person = new { displayName = $"Night {i}" } })).Json.GetProperty("person").GetProperty("id").GetString()!);
        }

        var twin = (await Call(HttpMethod.Post, "cases", "sophie", new { type = "homelessness", person = new { displayName = "Night 0" } })).Json.GetProperty("person").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, $"persons/{persons[0]}/links", "sophie", new { otherPersonId = twin, evidence = "Same card" })).Status);

        var at = now.AddHours(-2);
        // Flagey: 20 people met twice each (a duplicate upload on top), the twin of one of them, an alias met three times.
        // Porte de Namur: 3 people. Gare du Midi: nobody. Outside the count: a zone not in it, and a contact before the window.
        var contacts = persons.Take(20).SelectMany(p => new[] { ContactScenario.Contact(p, zone: "Flagey", observedAt: at), ContactScenario.Contact(p, zone: "flagey", observedAt: at.AddMinutes(10)) })
            .Append(ContactScenario.Contact(twin, zone: "Flagey", observedAt: at.AddMinutes(20)))
            .Concat(Enumerable.Range(0, 3).Select(i => ContactScenario.Contact(zone: "Flagey", observedAt: at.AddMinutes(i))))
            .Concat(persons.Skip(20).Take(3).Select(p => ContactScenario.Contact(p, zone: "Porte de Namur", observedAt: at)))
            .Append(ContactScenario.Contact(persons[23], zone: "Matonge", observedAt: at))
            .Append(ContactScenario.Contact(persons[23], zone: "Flagey", observedAt: now.AddHours(-4)))
            .ToArray();
        foreach (var upload in new[] { contacts, contacts.Take(10).ToArray() })
        {
            var batch = await Call(HttpMethod.Post, "contacts/batch", "karim", new { contacts = upload });
            Assert.Equal(HttpStatusCode.Accepted, batch.Status);
            await Eventually.WaitForAsync(() => Call(HttpMethod.Get, $"contacts/batch/{batch.Field("batchId")}", "karim"), b => b.Field("status") == "completed", Deadline, "the batch to be stored");
        }

        var count = await Call(HttpMethod.Get, $"counts/{opened.Field("id")}", "dpo");

        Assert.Equal(HttpStatusCode.OK, count.Status);
        var total = count.Json.GetProperty("total");
        Assert.Equal(24, total.GetProperty("peopleSeen").GetInt32()); // 20 + the alias (the twin is one of the 20) + 3
        Assert.Equal(24, total.GetProperty("beddedDown").GetInt32());
        var zones = count.Json.GetProperty("zones").EnumerateArray().ToDictionary(z => z.GetProperty("zone").GetString()!);
        Assert.Equal(["Flagey", "Gare du Midi", "Porte de Namur"], zones.Keys);
        Assert.True(zones["Porte de Namur"].GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, zones["Porte de Namur"].GetProperty("peopleSeen").ValueKind);
        // With the small zone hidden and the total shown, Flagey's 21 would give it back: hidden too. An empty zone shows its 0.
        Assert.Equal(JsonValueKind.Null, zones["Flagey"].GetProperty("peopleSeen").ValueKind);
        Assert.Equal(0, zones["Gare du Midi"].GetProperty("peopleSeen").GetInt32());
        Assert.DoesNotContain(persons[0], count.Body, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await Call(HttpMethod.Get, $"counts/{opened.Field("id")}", "sophie")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Call(HttpMethod.Post, "counts", "dpo", window)).Status);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Get, "counts/nc0000000000000000", "marc"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"night\":\"2026-13-01\",\"from\":\"23:00\",\"to\":\"01:00\",\"zones\":[\"Flagey\"]}", "night")]
    [InlineData("{\"night\":\"1999-12-31\",\"from\":\"23:00\",\"to\":\"01:00\",\"zones\":[\"Flagey\"]}", "night")]
    [InlineData("{\"night\":\"2026-11-26\",\"from\":\"23h\",\"to\":\"01:00\",\"zones\":[\"Flagey\"]}", "from")]
    [InlineData("{\"night\":\"2026-11-26\",\"from\":\"23:00\",\"to\":\"23:00\",\"zones\":[\"Flagey\"]}", "to")]
    [InlineData("{\"night\":\"2026-11-26\",\"from\":\"23:00\",\"to\":\"24:00\",\"zones\":[\"Flagey\"]}", "to")]
    [InlineData("{\"night\":\"2026-11-26\",\"from\":\"23:00\",\"to\":\"01:00\",\"zones\":[]}", "zones")]
    [InlineData("{\"night\":\"2026-11-26\",\"from\":\"23:00\",\"to\":\"01:00\",\"zones\":[\"Flagey\",\" flagey\"]}", "zones[1]")]
    [InlineData("{\"night\":\"2026-11-26\",\"from\":\"23:00\",\"to\":\"01:00\",\"zones\":[\"\"]}", "zones[0]")]
    [InlineData("{\"night\":\"2026-11-26\",\"from\":\"23:00\",\"to\":\"01:00\"}", "zones")]
    public async Task ABadCount_Is400NamingTheField(string body, string field) =>
        ProblemAssertions.AssertFieldError(await Call(HttpMethod.Post, "counts", "marc", body), field);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Clock(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")).ToString("HH:mm", CultureInfo.InvariantCulture);
}
