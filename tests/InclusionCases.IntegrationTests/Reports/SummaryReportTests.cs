using System.Net;
using System.Text.Json;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Contacts;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Reports;

/// <summary>The summary report counts from the projector's counters and suppresses by the one rule of every report: 1 to 4 hidden with a complement, a list under 20 hidden whole.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SummaryReportTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ThreeHousedCases_AreSuppressed_AndTheNextSmallestToo_SoNoneIsRecoveredBySubtraction()
    {
        for (var i = 0; i < 3; i++)
        {
            var (caseId, _, etag) = await CaseScenario.OpenCaseAsync(Host);
            var active = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "active" }, etag);
            Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "housed", housing = new { moveInDate = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } }, active.ETag)).Status);
        }

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, "cases", "thomas", new { type = "homelessness", person = new { displayName = $"P{i}" } })).Status);
        }

        for (var i = 0; i < 11; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, "cases", "lena", new { type = "housingFirst", person = new { displayName = $"Q{i}" } })).Status);
        }

        var report = await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "reports/summary", "marc"),
            r => Total(r) is { Value: 20 } && Count(r, "housingFirst", "housed") is not null,
            Deadline,
            "the report to count twenty cases");

        var housed = Count(report, "housingFirst", "housed")!;
        Assert.True(housed.Value.Suppressed);
        Assert.Null(housed.Value.Value);
        // 20 shown, 3 hidden: the 6 would give the 3 away by subtraction, so it is hidden too; the 11 is not.
        Assert.True(Count(report, "homelessness", "intake")!.Value.Suppressed);
        Assert.Equal(11, Count(report, "housingFirst", "intake")!.Value.Value);
        Assert.True(report.Json.GetProperty("medianDaysIntakeToHoused").GetProperty("suppressed").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await Call(HttpMethod.Get, "reports/summary", "sophie")).Status);
    }

    [Fact]
    public async Task Contacts_AreCountedByZoneAndNeed_SmallZonesSuppressed()
    {
        var contacts = Enumerable.Range(0, 22).Select(i => ContactScenario.Contact(zone: i < 20 ? "Flagey" : "Matonge")).ToArray();
        var batch = await Call(HttpMethod.Post, "contacts/batch", "karim", new { contacts });
        Assert.Equal(HttpStatusCode.Accepted, batch.Status);

        var report = await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "reports/summary", "dpo"),
            r => r.Json.GetProperty("contactsTotal").GetProperty("value").ValueKind == JsonValueKind.Number && r.Json.GetProperty("contactsTotal").GetProperty("value").GetDouble() >= 22,
            Deadline,
            "the report to count the contacts");

        var zones = report.Json.GetProperty("contactsByZone").EnumerateArray().ToDictionary(z => z.GetProperty("name").GetString()!, z => z.GetProperty("count"));
        Assert.True(zones["Matonge"].GetProperty("suppressed").GetBoolean());
        // With Matonge hidden and the total shown, Flagey would give it away by subtraction: hidden too.
        Assert.True(zones["Flagey"].GetProperty("suppressed").GetBoolean());
        var needs = report.Json.GetProperty("contactsByNeed").EnumerateArray().ToDictionary(z => z.GetProperty("name").GetString()!, z => z.GetProperty("count"));
        Assert.Equal(22, needs["food"].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task AListWhoseTotalIsUnder20_IsSuppressedWhole()
    {
        var contacts = Enumerable.Range(0, 19).Select(i => ContactScenario.Contact(zone: "Flagey")).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await Call(HttpMethod.Post, "contacts/batch", "karim", new { contacts })).Status);
        await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "reports/summary", "marc"), r => r.Json.GetProperty("contactsByZone").GetArrayLength() == 1, Deadline, "the report to count the contacts");

        var report = await Call(HttpMethod.Get, "reports/summary", "marc");

        Assert.True(report.Json.GetProperty("contactsTotal").GetProperty("suppressed").GetBoolean());
        Assert.True(report.Json.GetProperty("contactsByZone")[0].GetProperty("count").GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public async Task OverdueTasks_AreCountedByKind_AsOfToday_SuppressedLikeEveryCount_AndAClosedOneLeavesTheCount()
    {
        var moveIn = Iso(DateTime.UtcNow.AddDays(-45));
        for (var i = 0; i < 20; i++)
        {
            var (caseId, _, etag) = await CaseScenario.OpenCaseAsync(Host);
            var active = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "active" }, etag);
            Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "housed", housing = new { moveInDate = moveIn } }, active.ETag)).Status);
        }

        var first = await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "reports/summary", "marc"), r => Overdue(r, "total") is { Value: 20 }, Deadline, "twenty overdue tenancy visits");
        Assert.Equal((20, false), Overdue(first, "tenancyVisit"));

        // One overdue PIIS review: hidden, and the twenty beside it too, since the total would give it away.
        var (piisCase, _, piisEtag) = await CaseScenario.OpenCaseAsync(Host);
        var signed = await Call(HttpMethod.Patch, $"cases/{piisCase}", "sophie", new { piis = new { signedOn = Iso(DateTime.UtcNow.AddDays(-100)) } }, piisEtag);
        Assert.Equal(HttpStatusCode.OK, signed.Status);
        var second = await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "reports/summary", "marc"), r => Overdue(r, "total") is { Value: 21 }, Deadline, "twenty-one overdue tasks");
        Assert.Equal((null, true), Overdue(second, "piisReview"));
        Assert.Equal((null, true), Overdue(second, "tenancyVisit"));

        // Closing the case cancels its review, which leaves the count.
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Patch, $"cases/{piisCase}", "sophie", new { status = "closed", closure = new { reason = "movedAway" } }, signed.ETag)).Status);
        var third = await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "reports/summary", "marc"), r => Overdue(r, "total") is { Value: 20 }, Deadline, "twenty overdue tasks again");
        Assert.Null(Overdue(third, "piisReview"));
    }

    private static string Iso(DateTime day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static (double? Value, bool Suppressed)? Overdue(ApiCall report, string kind)
    {
        var counts = kind == "total"
            ? [report.Json.GetProperty("overdueTasksTotal")]
            : report.Json.GetProperty("overdueTasksByKind").EnumerateArray().Where(k => k.GetProperty("name").GetString() == kind).Select(k => k.GetProperty("count")).ToList();
        return counts.Count == 0 ? null : (counts[0].GetProperty("value").ValueKind == JsonValueKind.Number ? counts[0].GetProperty("value").GetDouble() : null, counts[0].GetProperty("suppressed").GetBoolean());
    }

    private static (double? Value, bool Suppressed)? Count(ApiCall report, string type, string status) =>
        report.Json.GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("type").GetString() == type && c.GetProperty("status").GetString() == status)
            .Select(c => c.GetProperty("count"))
            .Select(c => ((double?)(c.GetProperty("value").ValueKind == JsonValueKind.Number ? c.GetProperty("value").GetDouble() : null), c.GetProperty("suppressed").GetBoolean()))
            .Cast<(double?, bool)?>()
            .FirstOrDefault();

    private static (double? Value, bool Suppressed) Total(ApiCall report)
    {
        var total = report.Json.GetProperty("casesTotal");
        return (total.GetProperty("value").ValueKind == JsonValueKind.Number ? total.GetProperty("value").GetDouble() : null, total.GetProperty("suppressed").GetBoolean());
    }
}
