namespace InclusionCases.IntegrationTests.Infrastructure;

/// <summary>Every integration test class joins this collection, so the run shares one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
