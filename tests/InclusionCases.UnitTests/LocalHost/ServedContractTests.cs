using InclusionCases.Functions.OpenApi;
using Microsoft.Extensions.Configuration;

namespace InclusionCases.UnitTests.LocalHost;

/// <summary>The served document names the deployment's own token endpoint and scope when it validates Entra ID tokens.</summary>
public sealed class ServedContractTests
{
    [Fact]
    public void AzureAdDeployment_ServesItsTenantsTokenUrlAndItsApiScope()
    {
        var contract = new ServedContract(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "AzureAd",
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "11111111-2222-3333-4444-555555555555",
            ["AzureAd:ClientId"] = "0f6d2b8a-3c1e-4e5f-9a7b-8c9d0e1f2a3b",
        }).Build());

        var flow = contract.Document["components"]!["securitySchemes"]!["entraClientCredentials"]!["flows"]!["clientCredentials"]!;

        Assert.Equal("https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token", flow["tokenUrl"]!.GetValue<string>());
        Assert.NotNull(flow["scopes"]!["api://0f6d2b8a-3c1e-4e5f-9a7b-8c9d0e1f2a3b/.default"]);
        Assert.Equal("api://0f6d2b8a-3c1e-4e5f-9a7b-8c9d0e1f2a3b/.default", contract.Document["security"]![1]!["entraClientCredentials"]![0]!.GetValue<string>());
    }

    [Fact]
    public void DevelopmentHost_ServesTheTemplate_AsCommitted()
    {
        var contract = new ServedContract(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Mode"] = "Development" }).Build());

        Assert.Equal(ContractIdentity.Template.TokenUrl, contract.Document["components"]!["securitySchemes"]!["entraClientCredentials"]!["flows"]!["clientCredentials"]!["tokenUrl"]!.GetValue<string>());
    }
}
