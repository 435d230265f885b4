using System.Net;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Cases;

/// <summary>
/// Optimistic concurrency on cases: the ETag is the case's version, and the write is a batch that
/// carries the table ETag read. Azurite 3.37 honours If-Match inside a batch (older versions did not,
/// Azurite#1233); these tests would catch a regression there as lost updates.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ConcurrencyTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private const int Writers = 20;
    [Fact]
    public async Task ConcurrentPatches_WithTheSameIfMatch_ExactlyOneWinsTheRestGet412_ThenRetryingWritersAllLand()
    {
        var (caseId, _, etag) = await CaseScenario.OpenCaseAsync(Host);

        var racing = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i =>
            Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { assignedWorkerId = $"racer-{i}" }, etag)));

        Assert.Single(racing, r => r.Status == HttpStatusCode.OK);
        Assert.All(racing.Where(r => r.Status != HttpStatusCode.OK), r => ProblemAssertions.AssertProblem(r, HttpStatusCode.PreconditionFailed));

        // Writers that read, modify and retry on 412 all land, none lost.
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => ReadModifyWriteAsync(caseId, $"worker-{i}")));

        var final = await Call(HttpMethod.Get, $"cases/{caseId}", "sophie");
        Assert.Equal($"\"{1 + 1 + Writers}\"", final.ETag);
        var timeline = await Call(HttpMethod.Get, $"cases/{caseId}/timeline?limit=200", "sophie");
        Assert.Equal(1 + Writers, timeline.Json.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "updated"));
    }

    [Fact]
    public async Task Patch_WithoutIfMatch_Is428_AndWithAStaleOne_Is412()
    {
        var (caseId, _, etag) = await CaseScenario.OpenCaseAsync(Host);

        ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "active" }), HttpStatusCode.PreconditionRequired);
        var moved = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "active" }, etag);
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.NotEqual(etag, moved.ETag);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { assignedWorkerId = "w" }, etag), HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Patch_DisallowedStatusMove_Is409ListingTheAllowedMoves()
    {
        var (caseId, _, etag) = await CaseScenario.OpenCaseAsync(Host);

        var refused = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "housed", housing = new { moveInDate = "2026-11-01" } }, etag);

        var problem = ProblemAssertions.AssertProblem(refused, HttpStatusCode.Conflict);
        Assert.Equal(["active", "closed"], problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(etag, (await Call(HttpMethod.Get, $"cases/{caseId}", "sophie")).ETag);
    }

    private async Task ReadModifyWriteAsync(string caseId, string worker)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var current = await Call(HttpMethod.Get, $"cases/{caseId}", "sophie");
            var written = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { assignedWorkerId = worker }, current.ETag);
            if (written.Status == HttpStatusCode.OK)
            {
                return;
            }

            Assert.Equal(HttpStatusCode.PreconditionFailed, written.Status);
        }

        Assert.Fail($"{worker} never landed its write.");
    }
}
