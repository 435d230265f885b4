using System.Net;
using InclusionCases.Functions.Retention;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Contacts;
using InclusionCases.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Retention;

/// <summary>With the clock moved forward, the retention job anonymises exactly what is past its period.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class RetentionTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private readonly ShiftableClock _clock = new();

    protected override Task<TestHost> StartHostAsync() => TestHost.StartAsync(Azurite.ConnectionString, clock: _clock);

    [Fact]
    public async Task Job_AnonymisesContactsAfterTwoYears_AndPersonsWhoseCasesAllClosedFiveYearsAgo()
    {
        // The day in Brussels, as the API reads dates: between 22:00 and midnight UTC the UTC day is the day before the case's first.
        var today = InclusionCases.Domain.Time.PlausibleDates.Today(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var closed = await OpenAsync("All Closed Person");
        await CloseAsync(closed.CaseId, closed.ETag, today);
        var mixed = await OpenAsync("Still Open Person");
        await CloseAsync(mixed.CaseId, mixed.ETag, today);
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, "cases", "sophie", new { type = "homelessness", personId = mixed.PersonId })).Status);
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, "contacts", "karim", ContactScenario.Contact(notes: "Old words"))).Status);
        await Host.WaitForProjectionAsync(closed.PersonId);
        await Host.WaitForProjectionAsync(mixed.PersonId);
        var job = Host.Services.GetRequiredService<RetentionJob>();

        _clock.Offset = TimeSpan.FromDays(365);
        Assert.Equal(new RetentionRun(0, 0), await job.RunAsync(CancellationToken.None));

        _clock.Offset = TimeSpan.FromDays((2 * 366) + 1);
        Assert.Equal(new RetentionRun(0, 1), await job.RunAsync(CancellationToken.None));
        Assert.DoesNotContain("Old words", (await Call(HttpMethod.Get, "contacts", "karim")).Body, StringComparison.Ordinal);

        _clock.Offset = TimeSpan.FromDays((5 * 366) + 40);
        Assert.Equal(new RetentionRun(1, 0), await job.RunAsync(CancellationToken.None));
        Assert.Equal("[erased]", (await Call(HttpMethod.Get, $"cases/{closed.CaseId}", "sophie")).Json.GetProperty("person").GetProperty("displayName").GetString());
        Assert.Equal("Still Open Person", (await Call(HttpMethod.Get, $"cases/{mixed.CaseId}", "sophie")).Json.GetProperty("person").GetProperty("displayName").GetString());
        Assert.Equal(new RetentionRun(0, 0), await job.RunAsync(CancellationToken.None));
    }

    private async Task<(string CaseId, string PersonId, string ETag)> OpenAsync(string name) => await CaseScenario.OpenCaseAsync(Host, displayName: name);

    private async Task CloseAsync(string caseId, string etag, string date) =>
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "closed", closure = new { reason = "movedAway", date } }, etag)).Status);
}
