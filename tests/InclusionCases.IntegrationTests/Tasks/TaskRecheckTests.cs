using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using InclusionCases.Functions.Storage;
using InclusionCases.Functions.Tasks;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Tasks;

/// <summary>
/// The daily re-check, with the clock moved forward and nothing else changing in the file: a consent
/// entering its last 30 days gets its one consentExpiry task however often the job runs, and once the
/// consent has ended the participant's access is gone and the task is closed.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class TaskRecheckTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private readonly ShiftableClock _clock = new();

    protected override Task<TestHost> StartHostAsync() => TestHost.StartAsync(Azurite.ConnectionString, clock: _clock);

    [Fact]
    public async Task AConsentEnteringItsLast30Days_GetsItsTaskThatDay_AndOnExpiryAccessEndsAndTheTaskIsClosed()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        var consentId = await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl"], expiresOn: DateTime.UtcNow.AddDays(40));
        var accepted = await Call(HttpMethod.Post, $"referrals/{await CaseScenario.ReferAsync(Host, caseId, "habitat-asbl")}/accept", "lena");
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        await Host.WaitForProjectionAsync(personId);
        Assert.Empty(await ConsentTasksAsync(personId));
        Assert.Contains(personId, await RecheckRowsAsync(Day(10)));

        // Ten days on, nothing else changed: the re-check, run again and concurrently, opens one task.
        _clock.Offset = TimeSpan.FromDays(10);
        var job = Host.Services.GetRequiredService<TaskRecheckJob>();
        Assert.True(await job.RunAsync(CancellationToken.None) >= 1);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => job.RunAsync(CancellationToken.None)));
        await Host.WaitForProjectionAsync(personId);
        var task = Assert.Single(await ConsentTasksAsync(personId), t => t.GetString("RuleKey") == consentId);
        Assert.Equal(("Open", Day(40)), (task.GetString("Status"), task.GetString("DueOn")));
        Assert.Empty(await RecheckRowsAsync(Day(10)));
        Assert.Contains(personId, await RecheckRowsAsync(Day(41)));

        // The day after its last day: the participant no longer sees the case, and the re-check closes the task.
        _clock.Offset = TimeSpan.FromDays(41);
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"cases/{caseId}", "lena")).Status);
        Assert.True(await job.RunAsync(CancellationToken.None) >= 1);
        await Host.WaitForProjectionAsync(personId);
        var closed = Assert.Single(await ConsentTasksAsync(personId), t => t.GetString("RuleKey") == consentId);
        Assert.Equal(("Cancelled", "consentEnded"), (closed.GetString("Status"), closed.GetString("Outcome")));
        Assert.Empty(await RecheckRowsAsync(Day(41)));
    }

    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<List<string>> RecheckRowsAsync(string day)
    {
        var table = new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.TaskRechecks);
        var persons = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {day}")))
        {
            persons.Add(row.RowKey);
        }

        return persons;
    }

    private async Task<List<TableEntity>> ConsentTasksAsync(string personId)
    {
        var table = new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.Cases);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {personId} and RowKey ge {"task|"} and RowKey lt {"task}"}")))
        {
            if (row.GetString("Kind") == "ConsentExpiry")
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
