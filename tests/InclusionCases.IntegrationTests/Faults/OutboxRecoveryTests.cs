using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Tools.Demo;

namespace InclusionCases.IntegrationTests.Faults;

/// <summary>A host that dies between the outbox batch and its projection: the next host's sweeper completes the projection, audit entry included.</summary>
[Trait("Category", "Fault")]
[Collection(AzuriteGroup.Name)]
public sealed class OutboxRecoveryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task HostKilledBeforeProjection_AfterRestart_TheSweeperCompletesIt()
    {
        var prefix = TestHost.NewPrefix();
        string caseId;
        string personId;
        var first = await TestHost.StartAsync(azurite.ConnectionString, prefix: prefix, runTriggers: false);
        await using (first)
        {
            (caseId, personId, _) = await CaseScenario.OpenCaseAsync(first);
            // The message that would have run the projector is lost with the host.
            await new QueueClient(azurite.ConnectionString, first.QueueName("CaseEventsQueue")).ClearMessagesAsync();
        }

        // The restarted host sees the outbox row as stale at once (its clock is a minute ahead).
        await using var second = await TestHost.StartAsync(azurite.ConnectionString, prefix: prefix, seed: false, clock: new ShiftableClock { Offset = TimeSpan.FromMinutes(1) });
        await Eventually.WaitForAsync(
            () => ApiCall.SendAsync(second, HttpMethod.Get, "cases", "sophie"),
            r => r.Status == HttpStatusCode.OK && r.Body.Contains(caseId, StringComparison.Ordinal),
            TimeSpan.FromSeconds(60),
            "the case to reach the organisation's list");
        await second.WaitForProjectionAsync(personId);

        // The audit entry of opening the case rode in the outbox row: it survives the lost message.
        var audit = new TableClient(azurite.ConnectionString, prefix + TableNames.Audit);
        var entries = audit.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"person|" + personId}"));
        var created = new List<TableEntity>();
        await foreach (var e in entries)
        {
            created.Add(e);
        }

        var entry = Assert.Single(created);
        Assert.Equal(("case.create", "case/" + caseId, "Allowed"), (entry.GetString("Action"), entry.GetString("Resource"), entry.GetString("Outcome")));
        Assert.Equal(DemoDirectory.Find("sophie")!.ObjectId, entry.GetString("ActorId"));
    }
}
