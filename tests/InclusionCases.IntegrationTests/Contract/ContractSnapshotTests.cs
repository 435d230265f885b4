using System.Text.Json.Nodes;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Contract;

/// <summary>
/// The committed <c>docs/openapi.json</c> is the document the API serves, so a change of contract
/// shows in review as a diff of that file (and the partner client is generated from it).
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ContractSnapshotTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    [Fact]
    public async Task ServedDocument_EqualsTheCommittedSnapshot()
    {
        var served = JsonNode.Parse(await Host.Client.GetStringAsync("openapi.json"));
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "docs", "openapi.json")));

        Assert.True(JsonNode.DeepEquals(served, committed), "docs/openapi.json differs from the document the API serves: run ./dev openapi and commit the result.");
    }
}
