using System.Net;
using InclusionCases.Functions.Operations;
using InclusionCases.IntegrationTests.Infrastructure;
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
        foreach (var (method, path, login) in EveryRoute(acknowledged[0]))
        {
            var call = await ApiCall.SendAsync(host, method, path, login, method == HttpMethod.Get || method == HttpMethod.Delete ? null : "{}");
            Assert.True(call.Status == HttpStatusCode.ServiceUnavailable || (path == "openapi.json" && call.Status == HttpStatusCode.OK), $"{method} {path}: {(int)call.Status} {call.Body}");
            if (call.Status == HttpStatusCode.ServiceUnavailable)
            {
                Assert.NotNull(call.Headers.RetryAfter?.Delta);
            }
        }

        await _azurite.DisposeAsync();
        _azurite = await AzuriteProcess.StartAsync(_location, _ports);
        await Eventually.WaitForAsync(() => ApiCall.SendAsync(host, HttpMethod.Get, "health", null), r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "storage to answer again");
        var checker = host.Services.GetRequiredService<ConsistencyChecker>();
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

    private static IEnumerable<(HttpMethod, string, string)> EveryRoute(string caseId)
    {
        var personId = caseId.Split('-')[0];
        return
        [
            (HttpMethod.Get, "health", "sophie"), (HttpMethod.Get, "me", "sophie"), (HttpMethod.Get, "openapi.json", "sophie"),
            (HttpMethod.Post, "cases", "sophie"), (HttpMethod.Get, "cases", "sophie"), (HttpMethod.Get, $"cases/{caseId}", "sophie"),
            (HttpMethod.Patch, $"cases/{caseId}", "sophie"), (HttpMethod.Post, $"cases/{caseId}/notes", "sophie"),
            (HttpMethod.Get, $"cases/{caseId}/timeline", "sophie"), (HttpMethod.Post, $"cases/{caseId}/referrals", "sophie"),
            (HttpMethod.Get, $"cases/{caseId}/outreach", "sophie"), (HttpMethod.Post, $"persons/{personId}/consents", "sophie"),
            (HttpMethod.Delete, $"persons/{personId}/consents/kaaaaaaaaaaaa", "sophie"), (HttpMethod.Get, "referrals?direction=incoming", "lena"),
            (HttpMethod.Post, $"{personId}-raaaaaaaaaa/accept".Insert(0, "referrals/"), "lena"), (HttpMethod.Post, "contacts", "karim"),
            (HttpMethod.Post, "contacts/batch", "karim"), (HttpMethod.Get, "contacts", "karim"), (HttpMethod.Get, "contacts/batch/abc", "karim"),
            (HttpMethod.Get, "admin/poison", "ops"), (HttpMethod.Get, "audit", "dpo"), (HttpMethod.Get, $"persons/{personId}/export", "dpo"),
            (HttpMethod.Post, $"persons/{personId}/erase", "dpo"), (HttpMethod.Get, "reports/summary", "marc"),
        ];
    }
}
