using System.Net;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Tasks;

/// <summary>
/// Tasks social workers write: on a case their organisation sees, as that organisation's to-do;
/// closed under If-Match by that organisation only, once; refused on a closed case; bad input changes
/// nothing; erasure scrubs what a worker wrote.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class CustomTaskTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Create_Read_Close_UnderIfMatch_ByTheTasksOrganisationOnly_Once()
    {
        var shared = await CaseScenario.SharedWithHabitatAsync(Host);
        var sophieId = InclusionCases.Tools.Demo.DemoDirectory.Find("sophie")!.ObjectId;

        var created = await Call(HttpMethod.Post, $"cases/{shared.CaseId}/tasks", "sophie", new { title = "Call the landlord", dueOn = CaseScenario.NextWeek, assignedWorkerId = sophieId });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var taskId = created.Field("id");
        Assert.Equal($"/api/tasks/{taskId}", created.Headers.Location!.ToString());
        Assert.Equal(("custom", "open", "ixelles-cpas"), (created.Field("kind"), created.Field("status"), created.Field("organisationId")));

        var lenas = await Call(HttpMethod.Post, $"cases/{shared.CaseId}/tasks", "lena", new { title = "First home visit", dueOn = CaseScenario.NextWeek });
        Assert.Equal(("habitat-asbl", HttpStatusCode.Created), (lenas.Field("organisationId"), lenas.Status));

        // What a worker wrote is for their own organisation, as an organisation note is.
        Assert.Equal("Call the landlord", (await Call(HttpMethod.Get, $"tasks/{taskId}", "sophie")).Field("title"));
        var read = await Call(HttpMethod.Get, $"tasks/{taskId}", "lena");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, read.Json.GetProperty("title").ValueKind);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, $"tasks/{taskId}", "lena", new { status = "done" }, read.ETag), HttpStatusCode.Forbidden);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, $"tasks/{taskId}", "sophie", new { status = "done" }), HttpStatusCode.PreconditionRequired);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, $"tasks/{taskId}", "sophie", new { status = "done" }, "\"aaaaaaaaaaaaaaaa\""), HttpStatusCode.PreconditionFailed);
        var bad = ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, $"tasks/{taskId}", "sophie", new { status = "open" }, read.ETag), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("status", out _));

        var done = await Call(HttpMethod.Patch, $"tasks/{taskId}", "sophie", new { status = "done", outcome = "He agreed to wait for the guarantee." }, read.ETag);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal("done", done.Field("status"));
        var again = await Call(HttpMethod.Get, $"tasks/{taskId}", "sophie");
        Assert.NotEqual(read.ETag, done.ETag);
        Assert.Equal(done.ETag, again.ETag);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, $"tasks/{taskId}", "sophie", new { status = "cancelled" }, again.ETag), HttpStatusCode.Conflict);

        // Each organisation's list shows its own tasks; "me" those assigned to the caller.
        await Host.WaitForProjectionAsync(shared.PersonId);
        var mine = await Eventually.WaitForAsync(() => Call(HttpMethod.Get, "tasks?scope=me&status=done", "sophie"), l => l.Body.Contains(taskId, StringComparison.Ordinal), Deadline, "sophie's done task in her list");
        Assert.DoesNotContain(lenas.Field("id"), mine.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("landlord", mine.Body, StringComparison.Ordinal);
        await Eventually.WaitForAsync(() => Call(HttpMethod.Get, "tasks", "lena"), l => l.Body.Contains(lenas.Field("id"), StringComparison.Ordinal), Deadline, "lena's task in habitat-asbl's list");
    }

    [Theory]
    [InlineData("""{ "dueOn": "2030-01-01" }""", "title")]
    [InlineData("""{ "title": "Visit", "dueOn": "2020-01-01" }""", "dueOn")]
    [InlineData("""{ "title": "Visit" }""", "dueOn")]
    [InlineData("""{ "title": "Line\nbreak", "dueOn": "2030-01-01" }""", "title")]
    [InlineData("""{ "title": "Visit", "dueOn": "2026-12-01", "assignedWorkerId": "a/b" }""", "assignedWorkerId")]
    [InlineData("""{ "title": "Visit", "dueOn": "2026-12-01", "priority": 1 }""", "priority")]
    public async Task Create_BadInput_Is400NamingTheField_AndWritesNothing(string json, string field)
    {
        var (caseId, _, _) = await CaseScenario.OpenCaseAsync(Host);
        var before = await AuthoritativeRows.CountAsync(Azurite.ConnectionString, Host);

        var problem = ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, $"cases/{caseId}/tasks", "sophie", json), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await AuthoritativeRows.CountAsync(Azurite.ConnectionString, Host));
    }

    [Fact]
    public async Task Create_OnAClosedCase_Is409()
    {
        var (caseId, _, etag) = await CaseScenario.OpenCaseAsync(Host);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "closed", closure = new { reason = "refused" } }, etag)).Status);

        ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, $"cases/{caseId}/tasks", "sophie", new { title = "Too late", dueOn = CaseScenario.NextWeek }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Erasure_ScrubsWhatAWorkerWrote_AndTheExportListsTheTasks()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        var created = await Call(HttpMethod.Post, $"cases/{caseId}/tasks", "sophie", new { title = "Ask Marc about his sister in Liège", dueOn = CaseScenario.NextWeek });
        var read = await Call(HttpMethod.Get, $"tasks/{created.Field("id")}", "sophie");
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Patch, $"tasks/{created.Field("id")}", "sophie", new { status = "done", outcome = "Sister lives rue Haute" }, read.ETag)).Status);

        var export = await Call(HttpMethod.Get, $"persons/{personId}/export", "dpo");
        Assert.Contains("sister in Liège", export.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"persons/{personId}/erase", "dpo")).Status);

        var after = await Call(HttpMethod.Get, $"persons/{personId}/export", "dpo");
        Assert.DoesNotContain("Liège", after.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("rue Haute", after.Body, StringComparison.Ordinal);
        Assert.Single(after.Json.GetProperty("tasks").EnumerateArray());
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, $"cases/{caseId}/tasks", "sophie", new { title = "Anything", dueOn = CaseScenario.NextWeek }), HttpStatusCode.Gone);
    }
}
