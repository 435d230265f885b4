using System.Globalization;
using System.Net;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Tasks;

/// <summary>
/// The reference address scenario: set by the CPAS holding the person, a check-in moves the next due
/// date three calendar months on, the same check-in id again changes nothing, bad dates are 400, and
/// the derived check-in task follows the check-ins.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReferenceAddressTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CheckIns_MoveTheDueDate_ARepeatChangesNothing_AndTheTaskFollows()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        var set = await Call(HttpMethod.Put, $"persons/{personId}/reference-address", "sophie", new { since = Day(-200), lastCheckIn = Day(-60) });
        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Equal(Months(Day(-60), 3), set.Field("nextCheckInDue"));
        var firstTask = await OpenCheckInTaskAsync(personId, Months(Day(-60), 3));

        var checkInId = Guid.NewGuid().ToString();
        var checkedIn = await Call(HttpMethod.Post, $"persons/{personId}/reference-address/check-ins", "sophie", new { id = checkInId, on = Day(-1) });
        Assert.Equal(HttpStatusCode.Created, checkedIn.Status);
        Assert.Equal((Day(-1), Months(Day(-1), 3)), (checkedIn.Field("lastCheckIn"), checkedIn.Field("nextCheckInDue")));

        // The phone sends it again: the same answer, nothing new.
        var again = await Call(HttpMethod.Post, $"persons/{personId}/reference-address/check-ins", "sophie", new { id = checkInId, on = Day(-1) });
        Assert.Equal((HttpStatusCode.OK, checkedIn.Body), (again.Status, again.Body));
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, $"persons/{personId}/reference-address/check-ins", "sophie", new { id = checkInId, on = Day(-2) }), HttpStatusCode.Conflict);

        // The due check-in is done; the next one is open, once.
        var nextTask = await OpenCheckInTaskAsync(personId, Months(Day(-1), 3));
        var first = await Call(HttpMethod.Get, $"tasks/{firstTask}", "sophie");
        Assert.Equal(("done", "checkedIn"), (first.Field("status"), first.Field("outcome")));
        Assert.NotEqual(firstTask, nextTask);
        var next = await Call(HttpMethod.Get, $"tasks/{nextTask}", "sophie");
        Assert.Equal(caseId, next.Field("caseId"));

        // Only a check-in closes a check-in task as done.
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, $"tasks/{nextTask}", "sophie", new { status = "done" }, next.ETag), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData(2, "on")]
    [InlineData(-300, "on")]
    [InlineData(-90, "on")]
    public async Task BadCheckInDates_Are400NamingOn_AndChangeNothing(int days, string field)
    {
        var (_, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Put, $"persons/{personId}/reference-address", "sophie", new { since = Day(-200), lastCheckIn = Day(-60) })).Status);
        var before = await AuthoritativeRows.CountAsync(Azurite.ConnectionString, Host);

        var problem = ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, $"persons/{personId}/reference-address/check-ins", "sophie", new { id = Guid.NewGuid().ToString(), on = Day(days) }), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await AuthoritativeRows.CountAsync(Azurite.ConnectionString, Host));
    }

    [Theory]
    [InlineData(5, -10, "since")]
    [InlineData(-10, 5, "lastCheckIn")]
    [InlineData(-10, -20, "lastCheckIn")]
    public async Task BadAddressDates_Are400(int since, int lastCheckIn, string field)
    {
        var (_, personId, _) = await CaseScenario.OpenCaseAsync(Host);

        var problem = ProblemAssertions.AssertProblem(await Call(HttpMethod.Put, $"persons/{personId}/reference-address", "sophie", new { since = Day(since), lastCheckIn = Day(lastCheckIn) }), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task OnlyACpas_KeepsAReferenceAddress_AndACheckInNeedsOne()
    {
        var (_, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, $"persons/{personId}/reference-address/check-ins", "sophie", new { id = Guid.NewGuid().ToString(), on = Day(-1) }), HttpStatusCode.Conflict);

        // lena's NGO leads a case of its own for the person (with the person's consent to be referred aside).
        var ngoCase = await Call(HttpMethod.Post, "cases", "lena", new { type = "homelessness", person = new { displayName = "NGO Person" } });
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Put, $"persons/{ngoCase.Json.GetProperty("person").GetProperty("id").GetString()}/reference-address", "lena", new { since = Day(-20), lastCheckIn = Day(-5) }), HttpStatusCode.Forbidden);
    }

    private async Task<string> OpenCheckInTaskAsync(string personId, string dueOn)
    {
        await Host.WaitForProjectionAsync(personId);
        var listed = await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "tasks?kind=referenceAddressCheckIn&status=all", "sophie"),
            l => l.Json.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetString()!.StartsWith(personId, StringComparison.Ordinal) && i.GetProperty("dueOn").GetString() == dueOn && i.GetProperty("status").GetString() == "open"),
            Deadline,
            "the open check-in task due " + dueOn);
        return Assert.Single(listed.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString()!.StartsWith(personId, StringComparison.Ordinal) && i.GetProperty("status").GetString() == "open").GetProperty("id").GetString()!;
    }

    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Months(string day, int months) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(months).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
