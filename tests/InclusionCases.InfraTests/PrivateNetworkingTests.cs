using System.Text.Json.Nodes;

namespace InclusionCases.InfraTests;

/// <summary>main.bicep's privateNetworking: off by default; on, storage is reachable only through private endpoints.</summary>
public sealed class PrivateNetworkingTests
{
    private static readonly Dictionary<string, string> Off = new() { ["privateNetworking"] = "false" };
    private static readonly Dictionary<string, string> On = new() { ["privateNetworking"] = "true" };

    private static JsonNode Storage => MainTemplate.Resources("Microsoft.Storage/storageAccounts").Single()["properties"]!;

    private static TemplateScope Network => MainTemplate.Module("inclusioncases-network");

    [Fact]
    public void PrivateNetworking_IsOffByDefault()
    {
        var defaults = new Dictionary<string, string>();

        Assert.False(MainTemplate.Main["parameters"]!["privateNetworking"]!["defaultValue"]!.GetValue<bool>());
        Assert.Equal("Enabled", MainTemplate.EvaluateInApp(Storage["publicNetworkAccess"]!.GetValue<string>(), defaults));
        Assert.Equal("[parameters('privateNetworking')]", Network.Deployment!["condition"]!.GetValue<string>());
    }

    [Fact]
    public void Off_StorageTakesPublicTrafficWithEntraOnly()
    {
        Assert.Equal("Enabled", MainTemplate.EvaluateInApp(Storage["publicNetworkAccess"]!.GetValue<string>(), Off));
        Assert.Equal("Allow", MainTemplate.EvaluateInApp(Storage["networkAcls"]!["defaultAction"]!.GetValue<string>(), Off));
        Assert.False(Storage["allowSharedKeyAccess"]!.GetValue<bool>());
    }

    [Fact]
    public void On_StorageRefusesPublicNetworks()
    {
        Assert.Equal("Disabled", MainTemplate.EvaluateInApp(Storage["publicNetworkAccess"]!.GetValue<string>(), On));
        Assert.Equal("Deny", MainTemplate.EvaluateInApp(Storage["networkAcls"]!["defaultAction"]!.GetValue<string>(), On));
        Assert.Equal("None", MainTemplate.EvaluateInApp(Storage["networkAcls"]!["bypass"]!.GetValue<string>(), On));
    }

    [Fact]
    public void On_TheAppIntegratesWithASubnetDelegatedToContainerAppsEnvironments()
    {
        var site = MainTemplate.Resources("Microsoft.Web/sites").Single()["properties"]!;
        var vnet = MainTemplate.Items(Network.Template).Single(r => r["type"]!.GetValue<string>() == "Microsoft.Network/virtualNetworks");
        var app = vnet["properties"]!["subnets"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "app")!;

        Assert.Equal(
            "[if(parameters('privateNetworking'), reference(resourceId('Microsoft.Resources/deployments', 'inclusioncases-network'), '2025-04-01').outputs.appSubnetId.value, null())]",
            site["virtualNetworkSubnetId"]!.GetValue<string>());
        Assert.Equal("Microsoft.App/environments", app["properties"]!["delegations"]!.AsArray().Single()!["properties"]!["serviceName"]!.GetValue<string>());
        Assert.Contains("'app')]", Network.Template["outputs"]!["appSubnetId"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void On_BlobQueueAndTableHavePrivateEndpointsWithLinkedDnsZones()
    {
        var resources = MainTemplate.Items(Network.Template).ToList();
        JsonObject Of(string type) => resources.Single(r => r["type"]!.GetValue<string>() == type);

        Assert.Equal(["blob", "queue", "table"], MainTemplate.Variable(Network.Template, "storageServices").AsArray().Select(s => s!.GetValue<string>()));
        var endpoint = Of("Microsoft.Network/privateEndpoints");
        Assert.Equal("[length(variables('storageServices'))]", endpoint["copy"]!["count"]!.GetValue<string>());
        var connection = endpoint["properties"]!["privateLinkServiceConnections"]!.AsArray().Single()!["properties"]!;
        Assert.Equal("[variables('storageServices')[copyIndex()]]", connection["groupIds"]!.AsArray().Single()!.GetValue<string>());
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", connection["privateLinkServiceId"]!.GetValue<string>());
        Assert.Equal("[format('privatelink.{0}.{1}', variables('storageServices')[copyIndex()], environment().suffixes.storage)]", Of("Microsoft.Network/privateDnsZones")["name"]!.GetValue<string>());
        Assert.False(Of("Microsoft.Network/privateDnsZones/virtualNetworkLinks")["properties"]!["registrationEnabled"]!.GetValue<bool>());
        Assert.Equal("[length(variables('storageServices'))]", Of("Microsoft.Network/privateEndpoints/privateDnsZoneGroups")["copy"]!["count"]!.GetValue<string>());
    }
}
