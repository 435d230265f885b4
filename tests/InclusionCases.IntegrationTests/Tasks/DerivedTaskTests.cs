using System.Net;
using Azure.Data.Tables;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Contacts;
using InclusionCases.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Tasks;

/// <summary>
/// Tasks the projector derives from a person's file, through the API and in storage: a consent ending
/// within 30 days gives the lead's case one consentExpiry task, listed in the lead's task list and
/// readable by whoever reads the case; however often and however concurrently the projector runs,
/// there is one; closing the case cancels it; a housed tenant gets a monthly visit.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class DerivedTaskTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ConsentEndingIn10Days_GivesOneTask_ListedForTheLead_ReadableByThoseWhoSeeTheCase()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        var consentId = await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl"], expiresOn: DateTime.UtcNow.AddDays(10));
        await Host.WaitForProjectionAsync(personId);

        var listed = await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "tasks?kind=consentExpiry", "sophie"), l => Items(l).Any(i => i.GetProperty("caseId").GetString() == caseId), Deadline, "the task in ixelles-cpas's list");
        var item = Assert.Single(Items(listed), i => i.GetProperty("caseId").GetString() == caseId);
        var taskId = item.GetProperty("id").GetString()!;
        Assert.Equal(RecordIds.DerivedTaskId(personId, caseId, Domain.Tasks.TaskKind.ConsentExpiry, consentId), taskId);
        Assert.False(item.TryGetProperty("title", out _));

        var read = await Call(HttpMethod.Get, $"tasks/{taskId}", "sophie");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.NotNull(read.ETag);
        Assert.Equal(("consentExpiry", "open", "ixelles-cpas"), (read.Field("kind"), read.Field("status"), read.Field("organisationId")));
        Assert.Equal(DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), read.Field("dueOn"));

        // lena's organisation takes part once a referral is accepted; thomas's never: the same 404 as for no task at all.
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"tasks/{taskId}", "lena")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"tasks/{taskId}", "thomas")).Status);
        var accepted = await Call(HttpMethod.Post, $"referrals/{await CaseScenario.ReferAsync(Host, caseId, "habitat-asbl")}/accept", "lena");
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Get, $"tasks/{taskId}", "lena")).Status);
        Assert.DoesNotContain(taskId, (await Call(HttpMethod.Get, "tasks?status=all", "lena")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectorRunTwiceAndConcurrently_LeavesExactlyOneOpenTaskPerRuleAndCase()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl"], expiresOn: DateTime.UtcNow.AddDays(5));
        var projector = Host.Services.GetRequiredService<CaseProjector>();

        // The same person projected by several instances at once, and again, as a redelivered message would.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => projector.ProjectAsync(personId, CancellationToken.None)));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => projector.ProjectAsync(personId, CancellationToken.None)));
        await Host.WaitForProjectionAsync(personId);

        var rows = await TaskRowsAsync(personId);
        Assert.Single(rows, r => r.GetString("CaseId") == caseId && r.GetString("Kind") == "ConsentExpiry" && r.GetString("Status") == "Open");
    }

    [Fact]
    public async Task ClosingTheCase_CancelsItsOpenTasks()
    {
        var (caseId, personId, etag) = await CaseScenario.OpenCaseAsync(Host);
        await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl"], expiresOn: DateTime.UtcNow.AddDays(20));
        await Host.WaitForProjectionAsync(personId);
        Assert.Single(await TaskRowsAsync(personId));

        var closed = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "closed", closure = new { reason = "movedAway" } }, etag);
        Assert.Equal(HttpStatusCode.OK, closed.Status);
        await Host.WaitForProjectionAsync(personId);

        var task = Assert.Single(await TaskRowsAsync(personId));
        Assert.Equal(("Cancelled", "caseClosed"), (task.GetString("Status"), task.GetString("Outcome")));
        var listed = await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "tasks?status=cancelled", "sophie"), l => l.Body.Contains(task.GetString("TaskId"), StringComparison.Ordinal), Deadline, "the cancelled task in the list");
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.DoesNotContain(task.GetString("TaskId"), (await Call(HttpMethod.Get, "tasks", "sophie")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHousedTenant_GetsAMonthlyVisit()
    {
        var (caseId, personId, etag) = await CaseScenario.OpenCaseAsync(Host);
        var active = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "active" }, etag);
        var moveIn = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var housed = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "housed", housing = new { moveInDate = moveIn, tenancyStatus = "leaseSigned" } }, active.ETag);
        Assert.Equal(HttpStatusCode.OK, housed.Status);
        await Host.WaitForProjectionAsync(personId);

        var visit = Assert.Single(await TaskRowsAsync(personId));
        Assert.Equal(("TenancyVisit", DateTime.UtcNow.AddDays(-3).AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), (visit.GetString("Kind"), visit.GetString("DueOn")));
    }

    [Fact]
    public async Task APiisOnACase_IsReviewedEveryThreeMonths_TheNextReviewOpensWhenOneIsDone_AndRemovingItCancels()
    {
        var (caseId, personId, etag) = await CaseScenario.OpenCaseAsync(Host);
        var signedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-3).AddDays(2);
        var signed = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { piis = new { signedOn = Iso(signedOn) } }, etag);
        Assert.Equal(HttpStatusCode.OK, signed.Status);
        Assert.Equal(Iso(signedOn), signed.Json.GetProperty("piis").GetProperty("signedOn").GetString());
        await Host.WaitForProjectionAsync(personId);

        var review = Assert.Single(await TaskRowsAsync(personId));
        Assert.Equal(("PiisReview", Iso(signedOn.AddMonths(3))), (review.GetString("Kind"), review.GetString("DueOn")));
        var read = await Call(HttpMethod.Get, $"tasks/{review.GetString("TaskId")}", "sophie");
        var done = await Call(HttpMethod.Patch, $"tasks/{review.GetString("TaskId")}", "sophie", new { status = "done", outcome = "Reviewed with Marc." }, read.ETag);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        await Host.WaitForProjectionAsync(personId);

        var next = Assert.Single(await TaskRowsAsync(personId), r => r.GetString("Status") == "Open");
        Assert.Equal(Iso(signedOn.AddMonths(6)), next.GetString("DueOn"));

        var removed = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { piis = (object?)null }, signed.ETag);
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.False(removed.Json.TryGetProperty("piis", out var gone) && gone.ValueKind != System.Text.Json.JsonValueKind.Null);
        await Host.WaitForProjectionAsync(personId);
        Assert.DoesNotContain(await TaskRowsAsync(personId), r => r.GetString("Status") == "Open");
    }

    [Fact]
    public async Task AStreetContactFlaggedForFollowUp_GivesTheLeadOneTaskSevenDaysOn_HoweverOftenItIsSent()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        // Seen after the case opened: a contact from a Brussels day before the case's first gives it no task.
        var observedAt = DateTimeOffset.UtcNow;
        var contact = ContactScenario.Contact(personId, observedAt: observedAt);

        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, "contacts", "karim", contact)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, "contacts", "karim", contact)).Status);
        var batch = await Call(HttpMethod.Post, "contacts/batch", "karim", new { contacts = new[] { contact } });
        Assert.Equal(HttpStatusCode.Accepted, batch.Status);
        await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, $"contacts/batch/{batch.Field("batchId")}", "karim"), s => s.Field("status") == "completed", Deadline, "the batch to complete");
        await Host.WaitForProjectionAsync(personId);

        var task = Assert.Single(await TaskRowsAsync(personId));
        var observedOn = InclusionCases.Domain.Time.PlausibleDates.DayOf(observedAt);
        Assert.Equal(("ContactFollowUp", caseId, "ixelles-cpas"), (task.GetString("Kind"), task.GetString("CaseId"), task.GetString("OrganisationId")));
        Assert.InRange(DateOnly.ParseExact(task.GetString("DueOn"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), observedOn.AddDays(7), observedOn.AddDays(7));
        await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "tasks?kind=contactFollowUp", "sophie"), l => l.Body.Contains(task.GetString("TaskId"), StringComparison.Ordinal), Deadline, "the task in the lead's list");
        Assert.DoesNotContain(task.GetString("TaskId"), (await Call(HttpMethod.Get, "tasks?status=all", "karim")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheLead_SetsThePiis_AndOnlyThoseWhoSeeSensitiveDataSeeIt()
    {
        var shared = await CaseScenario.SharedWithHabitatAsync(Host);
        var read = await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "sophie");
        var piis = new { piis = new { signedOn = Iso(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10)) } };

        ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, $"cases/{shared.CaseId}", "lena", piis, read.ETag), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Patch, $"cases/{shared.CaseId}", "sophie", piis, read.ETag)).Status);

        // habitat-asbl takes part without the sensitive scope: the PIIS is not shown to it.
        var seen = await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "lena");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seen.Json.GetProperty("piis").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, (await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "sophie")).Json.GetProperty("piis").ValueKind);
    }

    [Theory]
    [InlineData("{\"piis\":{\"signedOn\":\"2999-01-01\"}}")]
    [InlineData("{\"piis\":{}}")]
    [InlineData("{\"piis\":{\"signedOn\":\"soon\"}}")]
    public async Task ABadPiis_Is400OnPiisSignedOn_AndChangesNothing(string json)
    {
        var (caseId, _, etag) = await CaseScenario.OpenCaseAsync(Host);

        var problem = ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", json, etag), HttpStatusCode.BadRequest);

        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("piis", StringComparison.Ordinal));
        Assert.Equal(etag, (await Call(HttpMethod.Get, $"cases/{caseId}", "sophie")).ETag);
    }

    [Fact]
    public async Task ATaskIdOfNoTask_Or_NotATaskId_IsAnswered404Or400()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);

        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"tasks/{RecordIds.DerivedTaskId(personId, caseId, Domain.Tasks.TaskKind.PiisReview, "2027-01-01")}", "sophie")).Status);
        var problem = ProblemAssertions.AssertProblem(await Call(HttpMethod.Get, "tasks/not-a-task", "sophie"), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("taskId", out _));
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Get, "tasks?status=later", "sophie"), HttpStatusCode.BadRequest);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static List<System.Text.Json.JsonElement> Items(ApiCall call) => [.. call.Json.GetProperty("items").EnumerateArray()];

    private async Task<List<TableEntity>> TaskRowsAsync(string personId)
    {
        var table = new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.Cases);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {personId} and RowKey ge {"task|"} and RowKey lt {"task}"}")))
        {
            rows.Add(row);
        }

        return rows;
    }
}
