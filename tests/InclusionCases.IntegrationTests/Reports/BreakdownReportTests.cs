using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using InclusionCases.Domain.Reports;
using InclusionCases.Functions.Retention;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Contacts;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Tools.Consistency;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Reports;

/// <summary>
/// The breakdown reports: counted from the facts the projector and the intake keep, people once however
/// many records, quarters and contacts, aliases apart, every count through the one suppression rule, the
/// same as CSV, equal to a recount of the authoritative rows, and unchanged by erasure and retention.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class BreakdownReportTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly ShiftableClock _clock = new();

    public static TheoryData<string, string> BadQueries => new()
    {
        { "by=gender", "measure" },
        { "measure=people&by=gender", "measure" },
        { "measure=casesOpened", "by" },
        { "measure=casesOpened&by=gender,ageBand,type", "by" },
        { "measure=casesOpened&by=gender,gender", "by" },
        { "measure=casesOpened&by=Gender", "by" },
        { "measure=casesOpened&by=zone", "by" },
        { "measure=contacts&by=type", "by" },
        { "measure=housed&by=gender&from=2026-02-01", "from" },
        { "measure=housed&by=gender&to=2026-06-29", "to" },
        { "measure=housed&by=gender&from=2026-Q5", "from" },
        { "measure=housed&by=gender&from=2026-Q3&to=2026-Q2", "from" },
        { "measure=housed&by=gender&from=2015-Q1&to=2026-Q1", "from" },
        { "measure=housed&by=gender&from=1999-Q4", "from" },
        { "measure=housed&by=gender&to=2099-12-31", "to" },
    };

    protected override Task<TestHost> StartHostAsync() => TestHost.StartAsync(Azurite.ConnectionString, clock: _clock);

    [Fact]
    public async Task CasesOpened_ByGender_IsSuppressedByTheOneRule_AndTheSameAsCsv()
    {
        var persons = new List<string>();
        foreach (var (gender, residence, count) in new[] { ("female", "noValidPermit", 12), ("male", "belgianOrEu", 9), ("nonBinary", "pending", 3) })
        {
            for (var i = 0; i < count; i++)
            {
                persons.Add(await OpenAsync($"{gender} {i}", gender, 1990, residence));
            }
        }

        foreach (var personId in persons)
        {
            await Host.WaitForProjectionAsync(personId);
        }

        var report = await Call(HttpMethod.Get, "reports/breakdown?measure=casesOpened&by=gender", "marc");
        Assert.Equal(HttpStatusCode.OK, report.Status);
        Assert.Equal(24, report.Json.GetProperty("total").GetProperty("value").GetInt32());
        var cells = Cells(report, "gender");
        Assert.Equal(12, cells["female"]);
        Assert.Null(cells["nonBinary"]);
        Assert.Null(cells["male"]); // the smallest beside the 3, else 24 - 12 - 0 would give the 3 back
        Assert.Equal(0, cells["unknown"]);

        var two = await Call(HttpMethod.Get, "reports/breakdown?measure=casesOpened&by=gender,residenceStatus", "dpo");
        AssertNothingSmallShown(two);
        Assert.Equal(12, two.Json.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("gender").GetString() == "female" && c.GetProperty("residenceStatus").GetString() == "noValidPermit").GetProperty("value").GetInt32());
        Assert.Equal(12, two.Json.GetProperty("totals").GetProperty("gender").EnumerateArray().Single(c => c.GetProperty("gender").GetString() == "female").GetProperty("value").GetInt32());

        var csv = await CsvAsync("reports/breakdown?measure=casesOpened&by=gender");
        Assert.Equal("text/csv", csv.ContentType);
        var lines = csv.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("table,gender,value,suppressed", lines[0]);
        Assert.Contains("cells,female,12,false", lines);
        Assert.Contains("cells,male,,true", lines);
        Assert.Contains("cells,nonBinary,,true", lines);
        Assert.Equal("total,,24,false", lines[^1]);
        Assert.Equal(HttpStatusCode.Forbidden, (await Call(HttpMethod.Get, "reports/breakdown?measure=casesOpened&by=gender", "sophie")).Status);
        await AssertRecountAgreesAsync();
    }

    [Fact]
    public async Task PersonsSeen_CountsEachPersonOnce_LinkedRecordsAsOne_InTheZoneOfTheirLastContact_AndAliasesApart()
    {
        var now = DateTimeOffset.UtcNow;
        var named = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            named.Add(await OpenAsync($"Seen {i}", i % 2 == 0 ? "female" : "male", 1980 + i, null));
        }

        var twinA = await OpenAsync("Twin Record", "female", 1975, null);
        var twinB = await OpenAsync("Twin Record", "female", 1975, null);
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, $"persons/{twinA}/links", "sophie", new { otherPersonId = twinB, evidence = "The same card" })).Status);

        var contacts = named.SelectMany(p => new[] { ContactScenario.Contact(p, zone: "Flagey", observedAt: now.AddHours(-3)), ContactScenario.Contact(p, zone: "Midi", observedAt: now.AddHours(-2)) })
            .Append(ContactScenario.Contact(twinA, zone: "Flagey", observedAt: now.AddHours(-3)))
            .Append(ContactScenario.Contact(twinB, zone: "Midi", observedAt: now.AddHours(-2)))
            .Concat(Enumerable.Range(0, 21).Select(i => Alias($"Alias {i}", "Flagey", now)))
            .Append(Alias("Red dog", "Flagey", now)).Append(Alias(" red DOG ", "flagey", now))
            .ToArray();
        var batch = await Call(HttpMethod.Post, "contacts/batch", "karim", new { contacts });
        Assert.Equal(HttpStatusCode.Accepted, batch.Status);
        var stored = await Eventually.WaitForAsync(() => Call(HttpMethod.Get, $"contacts/batch/{batch.Field("batchId")}", "karim"), b => b.Field("status") == "completed", Deadline, "the batch to be stored");
        Assert.True(stored.Json.GetProperty("rejected").GetArrayLength() == 0, stored.Body);
        foreach (var personId in named.Append(twinA).Append(twinB))
        {
            await Host.WaitForProjectionAsync(personId);
        }

        var seen = await Call(HttpMethod.Get, "reports/breakdown?measure=personsSeen&by=zone", "marc");
        Assert.Equal(21, seen.Json.GetProperty("total").GetProperty("value").GetInt32());
        Assert.Equal(21, Cells(seen, "zone")["midi"]);
        Assert.False(Cells(seen, "zone").ContainsKey("flagey"));
        var unlinked = seen.Json.GetProperty("unlinked");
        Assert.True(unlinked.GetProperty("total").GetProperty("value").ValueKind == JsonValueKind.Number, unlinked.ToString());
        Assert.Equal(22, unlinked.GetProperty("total").GetProperty("value").GetInt32());

        var count = await Call(HttpMethod.Get, "reports/breakdown?measure=contacts&by=zone", "marc");
        Assert.Equal(65, count.Json.GetProperty("total").GetProperty("value").GetInt32());
        Assert.Equal((44, 21), (Cells(count, "zone")["flagey"], Cells(count, "zone")["midi"]));
        AssertNothingSmallShown(await Call(HttpMethod.Get, "reports/breakdown?measure=contacts&by=zone,gender", "marc"));
        Assert.Equal(21, (await Call(HttpMethod.Get, "reports/breakdown?measure=personsSeenBeddedDown&by=ageBand", "marc")).Json.GetProperty("total").GetProperty("value").GetInt32());
        Assert.DoesNotContain("red dog", (await ReportRowsAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        await AssertRecountAgreesAsync();
    }

    [Fact]
    public async Task ErasureAndRetention_LeaveEveryBreakdownUnchanged_AndThePersonNoLongerPointsToAnyFact()
    {
        var today = InclusionCases.Domain.Time.PlausibleDates.Today(DateTimeOffset.UtcNow);
        var period = $"from={ReportQuarter.Of(today.AddMonths(-3)).Key}&to={ReportQuarter.Of(today).Key}";
        var persons = new List<(string PersonId, string CaseId, string ETag)>();
        for (var i = 0; i < 22; i++)
        {
            var created = await Call(HttpMethod.Post, "cases", "sophie", Person($"Kept {i}", i % 3 == 0 ? "male" : "female", 1960 + i, i % 2 == 0 ? "validPermit" : null));
            persons.Add((created.Json.GetProperty("person").GetProperty("id").GetString()!, created.Field("id"), created.ETag!));
        }

        var twin = await OpenAsync("Kept 0", "male", 1960, null);
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, $"persons/{persons[0].PersonId}/links", "sophie", new { otherPersonId = twin, evidence = "Same" })).Status);
        var contacts = persons.Select(p => ContactScenario.Contact(p.PersonId, zone: "Flagey")).Append(ContactScenario.Contact(twin, zone: "Midi")).ToArray();
        var batch = await Call(HttpMethod.Post, "contacts/batch", "karim", new { contacts });
        Assert.Equal(HttpStatusCode.Accepted, batch.Status);
        // Five are housed; the erased person among them.
        foreach (var (personId, caseId, etag) in persons.Take(5))
        {
            var active = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "active" }, etag);
            Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "housed", housing = new { moveInDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } }, active.ETag)).Status);
        }

        await Eventually.WaitForAsync(() => Call(HttpMethod.Get, $"contacts/batch/{batch.Field("batchId")}", "karim"), b => b.Field("status") == "completed", Deadline, "the batch to be stored");
        foreach (var personId in persons.Select(p => p.PersonId).Append(twin))
        {
            await Host.WaitForProjectionAsync(personId);
        }

        string[] queries = ["casesOpened&by=gender,residenceStatus", "casesOpened&by=ageBand", "housed&by=gender", "personsSeen&by=zone,gender", "personsSeenBeddedDown&by=ageBand", "contacts&by=zone"];
        var before = await SnapshotAsync(queries, period);
        Assert.Contains("\"total\":{\"value\":23", before, StringComparison.Ordinal);
        Assert.Contains("\"total\":{\"value\":22", before, StringComparison.Ordinal);
        await AssertRecountAgreesAsync();

        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"persons/{persons[0].PersonId}/erase", "dpo")).Status);
        await Host.WaitForProjectionAsync(persons[0].PersonId);
        await Host.WaitForProjectionAsync(twin);
        Assert.Equal(before, await SnapshotAsync(queries, period));
        Assert.Equal(0, await PointerRowsAsync(persons[0].PersonId) + await PointerRowsAsync(twin));
        await AssertRecountAgreesAsync();

        // Five years after a closure, the retention job erases the person: the figures stay.
        var closing = persons[1];
        var read = await Call(HttpMethod.Get, $"cases/{closing.CaseId}", "sophie");
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Patch, $"cases/{closing.CaseId}", "sophie", new { status = "closed", closure = new { reason = "movedAway" } }, read.ETag)).Status);
        await Host.WaitForProjectionAsync(closing.PersonId);
        var beforeRetention = await SnapshotAsync(queries, period);
        _clock.Offset = TimeSpan.FromDays((5 * 366) + 40);
        await Host.Services.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);
        await Host.WaitForProjectionAsync(closing.PersonId);
        Assert.Equal(0, await PointerRowsAsync(closing.PersonId));
        Assert.Equal(beforeRetention, await SnapshotAsync(queries, period));
    }

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task ABadQuery_Is400NamingTheParameter(string query, string field)
    {
        var call = await Call(HttpMethod.Get, "reports/breakdown?" + query, "marc");

        ProblemAssertions.AssertFieldError(call, field);
    }

    private static object Person(string name, string gender, int birthYear, string? residence) => new
    {
        type = "housingFirst",
        person = new { displayName = name, gender, birthYear, sensitive = new { disabilityStatus = "no", residenceStatus = residence } },
    };

    private static object Alias(string alias, string zone, DateTimeOffset now) => new
    {
        id = Guid.NewGuid().ToString(), observedAt = now.AddHours(-1), zone, location = new { lat = 50.827341, lon = 4.372518 }, personId = (string?)null, alias,
        needs = new[] { "food" }, servicesOffered = new[] { "food" }, notes = "Seen near the station", beddedDown = true, followUp = false,
    };

    private static Dictionary<string, int?> Cells(ApiCall report, string dimension) =>
        report.Json.GetProperty("cells").EnumerateArray().ToDictionary(
            c => c.GetProperty(dimension).GetString()!,
            c => c.GetProperty("value").ValueKind == JsonValueKind.Number ? c.GetProperty("value").GetInt32() : (int?)null);

    private static void AssertNothingSmallShown(ApiCall report)
    {
        var counts = report.Json.GetProperty("cells").EnumerateArray()
            .Concat(report.Json.GetProperty("totals").EnumerateObject().SelectMany(t => t.Value.EnumerateArray()))
            .Append(report.Json.GetProperty("total"))
            .Select(c => c.GetProperty("value"))
            .Where(v => v.ValueKind == JsonValueKind.Number)
            .Select(v => v.GetInt32());
        Assert.DoesNotContain(counts, v => v is > 0 and < Suppression.SmallestShown);
    }

    private async Task<string> OpenAsync(string name, string gender, int birthYear, string? residence)
    {
        var created = await Call(HttpMethod.Post, "cases", "sophie", Person(name, gender, birthYear, residence));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return created.Json.GetProperty("person").GetProperty("id").GetString()!;
    }

    private async Task<ApiCall> CsvAsync(string path)
    {
        using var request = TestHost.Request(HttpMethod.Get, path, Host.TokenFor("marc"));
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await Host.Client.SendAsync(request);
        return new ApiCall(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> SnapshotAsync(string[] queries, string period)
    {
        var bodies = new List<string>();
        foreach (var query in queries)
        {
            var call = await Call(HttpMethod.Get, $"reports/breakdown?measure={query}&{period}", "marc");
            Assert.Equal(HttpStatusCode.OK, call.Status);
            bodies.Add(call.Body);
        }

        return string.Join("\n", bodies);
    }

    private async Task AssertRecountAgreesAsync()
    {
        var report = await ActivatorUtilities.CreateInstance<ConsistencyChecker>(Host.Services).CheckAsync(CancellationToken.None);
        Assert.True(report.Consistent, string.Join(Environment.NewLine, report.Problems));
    }

    private TableClient Facts() => new(Azurite.ConnectionString, Host.TablePrefix + TableNames.ReportFacts);

    private async Task<int> PointerRowsAsync(string personId)
    {
        var count = 0;
        await foreach (var _ in Facts().QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"of|" + personId}")))
        {
            count++;
        }

        return count;
    }

    private async Task<string> ReportRowsAsync()
    {
        var rows = new List<string>();
        await foreach (var row in Facts().QueryAsync<TableEntity>())
        {
            rows.Add(string.Join(",", row.Select(p => $"{p.Key}={p.Value}")));
        }

        return string.Join("\n", rows);
    }
}
