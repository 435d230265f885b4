using System.Net;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Tools.Consistency;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Faults;

/// <summary>
/// Storage stopped in the middle of a run (the Azurite process this test owns, on disk so it can come
/// back): every route answers 503 with Retry-After, never 500; after the restart no case is
/// half-written and every acknowledged one is there.
/// </summary>
[Trait("Category", "Fault")]
public sealed class StorageStoppedTests : IAsyncLifetime
{
    private readonly string _location = Directory.CreateTempSubdirectory("inclusioncases-azurite-").FullName;
    private readonly (int Blob, int Queue, int Table) _ports = AzuriteProcess.FreePorts();
    private AzuriteProcess _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(_location, _ports);

    public async Task DisposeAsync()
    {
        await _azurite.DisposeAsync();
        Directory.Delete(_location, recursive: true);
    }

    [Fact]
    public async Task StorageStopsMidRun_Every503HasRetryAfter_NothingIsHalfWrittenAfterRestart()
    {
        // The host's clock runs a minute ahead, so its outbox sweeper treats unprojected writes as stale at once.
        await using var host = await TestHost.StartAsync(_azurite.ConnectionString, clock: new ShiftableClock { Offset = TimeSpan.FromMinutes(1) });
        var acknowledged = new List<string>();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            if (i == 20)
            {
                await _azurite.StopAsync(); // storage goes away mid-run
            }

            var call = await ApiCall.SendAsync(host, HttpMethod.Post, "cases", "sophie", new { type = "homelessness", person = new { displayName = $"Load {i}" } });
            statuses.Add(call.Status);
            if (call.Status == HttpStatusCode.Created)
            {
                acknowledged.Add(call.Field("id"));
            }
            else
            {
                ProblemAssertions.AssertProblem(call, HttpStatusCode.ServiceUnavailable);
                Assert.NotNull(call.Headers.RetryAfter?.Delta);
            }
        }

        Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
        Assert.True(acknowledged.Count >= 20);
        foreach (var (method, path, login, body) in EveryRoute(acknowledged[0]))
        {
            // Valid input throughout: a request that needs no storage to be refused (a 400) proves nothing here.
            var call = await ApiCall.SendAsync(host, method, path, login, body, method == HttpMethod.Patch ? "*" : null);
            // The contract and /me (the caller's membership is cached) need no storage and may still answer.
            Assert.True(call.Status == HttpStatusCode.ServiceUnavailable || (path is "openapi.json" or "me" && call.Status == HttpStatusCode.OK), $"{method} {path}: {(int)call.Status} {call.Body}");
            if (call.Status == HttpStatusCode.ServiceUnavailable)
            {
                Assert.NotNull(call.Headers.RetryAfter?.Delta);
            }
        }

        await _azurite.DisposeAsync();
        _azurite = await AzuriteProcess.StartAsync(_location, _ports);
        await Eventually.WaitForAsync(() => ApiCall.SendAsync(host, HttpMethod.Get, "health", null), r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "storage to answer again");
        var checker = ActivatorUtilities.CreateInstance<ConsistencyChecker>(host.Services);
        var report = await Eventually.WaitForAsync(
            () => checker.CheckAsync(CancellationToken.None),
            r => r.PendingProjection == 0 || r.Problems.Count > 0,
            TimeSpan.FromSeconds(90),
            "the projector to catch up");

        Assert.True(report.Consistent, string.Join(Environment.NewLine, report.Problems));
        Assert.True(report.Cases >= acknowledged.Count);
        foreach (var caseId in acknowledged)
        {
            Assert.Equal(HttpStatusCode.OK, (await ApiCall.SendAsync(host, HttpMethod.Get, $"cases/{caseId}", "sophie")).Status);
        }
    }

    private static IEnumerable<(HttpMethod, string, string, object?)> EveryRoute(string caseId)
    {
        var personId = caseId.Split('-')[0];
        var contact = Contacts.ContactScenario.Contact();
        return
        [
            (HttpMethod.Get, "health", "sophie", null), (HttpMethod.Get, "me", "sophie", null), (HttpMethod.Get, "openapi.json", "sophie", null),
            (HttpMethod.Post, "cases", "sophie", new { type = "homelessness", person = new { displayName = "During outage" } }),
            (HttpMethod.Get, "cases", "sophie", null), (HttpMethod.Get, $"cases/{caseId}", "sophie", null),
            (HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "active" }),
            (HttpMethod.Post, $"cases/{caseId}/notes", "sophie", new { text = "note", visibility = "shared" }),
            (HttpMethod.Get, $"cases/{caseId}/timeline", "sophie", null),
            (HttpMethod.Post, $"cases/{caseId}/referrals", "sophie", new { toOrganisationId = "habitat-asbl", reason = "support" }),
            (HttpMethod.Get, $"cases/{caseId}/outreach", "sophie", null),
            (HttpMethod.Post, $"persons/{personId}/consents", "sophie", new { organisationIds = new[] { "habitat-asbl" }, scope = new[] { "case" }, expiresOn = Cases.CaseScenario.NextYear, evidence = "form" }),
            (HttpMethod.Delete, $"persons/{personId}/consents/kaaaaaaaaaaaa", "sophie", null), (HttpMethod.Get, "referrals?direction=incoming", "lena", null),
            (HttpMethod.Post, $"referrals/{personId}-raaaaaaaaaa/accept", "lena", null), (HttpMethod.Post, "contacts", "karim", contact),
            (HttpMethod.Post, "contacts/batch", "karim", new { contacts = new[] { contact } }), (HttpMethod.Get, "contacts", "karim", null),
            (HttpMethod.Get, "contacts/batch/abc", "karim", null), (HttpMethod.Get, "admin/poison", "ops", null), (HttpMethod.Get, "audit", "dpo", null),
            (HttpMethod.Get, $"persons/{personId}/export", "dpo", null), (HttpMethod.Post, $"persons/{personId}/erase", "dpo", null),
            (HttpMethod.Get, "reports/summary", "marc", null),
            (HttpMethod.Get, "reports/breakdown?measure=housed&by=gender", "marc", null),
        ];
    }
}
