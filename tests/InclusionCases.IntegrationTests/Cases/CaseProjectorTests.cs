using System.Net;
using Azure.Data.Tables;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Cases;

/// <summary>The case-events projector keeps the organisation indexes in line, idempotently.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class CaseProjectorTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    [Fact]
    public async Task Projection_RunAgainAndAgain_LeavesOneListRowPerOrganisationAndCase()
    {
        var shared = await CaseScenario.SharedWithHabitatAsync(Host);
        await Host.WaitForProjectionAsync(shared.PersonId);
        var projector = Host.Services.GetRequiredService<CaseProjector>();
        // As if a projection had stopped before deleting its outbox row: the runs below redo it all.
        var cases = new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.Cases);
        await cases.UpsertEntityAsync(new TableEntity(shared.PersonId, "outbox|replayed") { ["Kind"] = "case.updated", ["CreatedAt"] = DateTimeOffset.UtcNow });

        await Task.WhenAll(projector.ProjectAsync(shared.PersonId, CancellationToken.None), projector.ProjectAsync(shared.PersonId, CancellationToken.None));
        await projector.ProjectAsync(shared.PersonId, CancellationToken.None);

        Assert.Equal(2, await IndexRowsAsync("ixelles-cpas", shared.CaseId));
        Assert.Equal(2, await IndexRowsAsync("habitat-asbl", shared.CaseId));
        Assert.Equal(0, await IndexRowsAsync("jette-cpas", shared.CaseId));
        Assert.False((await cases.GetEntityIfExistsAsync<TableEntity>(shared.PersonId, "outbox|replayed")).HasValue);
    }

    [Fact]
    public async Task Projection_AfterUpdate_ReplacesTheListRow_AndAfterRevocation_RemovesTheParticipant()
    {
        var shared = await CaseScenario.SharedWithHabitatAsync(Host);
        var current = await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "sophie");
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Patch, $"cases/{shared.CaseId}", "sophie", new { status = "active" }, current.ETag)).Status);
        await Host.WaitForProjectionAsync(shared.PersonId);

        var listed = await Call(HttpMethod.Get, "cases?status=active", "lena");
        Assert.Contains(shared.CaseId, listed.Body, StringComparison.Ordinal);
        Assert.Equal(2, await IndexRowsAsync("habitat-asbl", shared.CaseId));

        Assert.Equal(HttpStatusCode.NoContent, (await Call(HttpMethod.Delete, $"persons/{shared.PersonId}/consents/{shared.ConsentId}", "sophie")).Status);
        await Host.WaitForProjectionAsync(shared.PersonId);

        Assert.Equal(0, await IndexRowsAsync("habitat-asbl", shared.CaseId));
        Assert.Equal(2, await IndexRowsAsync("ixelles-cpas", shared.CaseId));
    }

    // Partition query: the organisation's index rows (list row and pointer) of one case.
    private async Task<int> IndexRowsAsync(string organisationId, string caseId)
    {
        var table = new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.OrganisationCases);
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {organisationId}")))
        {
            count += row.GetString("CaseId") == caseId ? 1 : 0;
        }

        return count;
    }
}
