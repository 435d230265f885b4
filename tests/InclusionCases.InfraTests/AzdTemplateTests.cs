using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InclusionCases.InfraTests;

/// <summary>
/// azure.yaml, infra/main.parameters.json and the template fit together the way azd uses them: azd finds the
/// environment's resources by the azd-env-name tag, deploys service api to the resource tagged with its name,
/// fills the parameters from its environment, and writes the outputs back into it.
/// </summary>
public sealed partial class AzdTemplateTests
{
    private const string ServiceName = "api";

    /// <summary>
    /// Resource types ARM takes no tags on (or, for modules, Bicep gives no way to tag): every other resource
    /// must carry azd-env-name.
    /// </summary>
    private static readonly Dictionary<string, string> Untaggable = new()
    {
        ["Microsoft.Authorization/roleAssignments"] = "role assignments have no tags",
        ["Microsoft.Insights/diagnosticSettings"] = "an extension resource without tags",
        ["Microsoft.Resources/deployments"] = "a Bicep module's deployment record; Bicep does not tag it",
        ["Microsoft.Storage/storageAccounts/blobServices"] = "a storage child resource",
        ["Microsoft.Storage/storageAccounts/blobServices/containers"] = "a storage child resource",
        ["Microsoft.Storage/storageAccounts/tableServices"] = "a storage child resource",
        ["Microsoft.Storage/storageAccounts/tableServices/tables"] = "a storage child resource",
        ["Microsoft.Storage/storageAccounts/queueServices"] = "a storage child resource",
        ["Microsoft.Storage/storageAccounts/queueServices/queues"] = "a storage child resource",
        ["Microsoft.Web/sites/config"] = "the site's settings, part of the tagged site",
        ["Microsoft.Network/privateEndpoints/privateDnsZoneGroups"] = "a child of the tagged private endpoint",
    };

    private static Dictionary<string, object> AzureYaml =>
        SimpleYaml.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "azure.yaml")));

    [Fact]
    public void AzureYaml_DeclaresTheFunctionsProjectAsServiceApi()
    {
        var yaml = AzureYaml;
        var services = SimpleYaml.Map(yaml, "services");

        Assert.Equal([ServiceName], services.Keys);
        Assert.Equal("function", SimpleYaml.Scalar(yaml, "services", ServiceName, "host"));
        Assert.Equal("dotnet", SimpleYaml.Scalar(yaml, "services", ServiceName, "language"));
        var project = SimpleYaml.Scalar(yaml, "services", ServiceName, "project");
        Assert.True(File.Exists(Path.Combine(BicepCli.RepositoryRoot, project, "InclusionCases.Functions.csproj")), $"{project} holds no InclusionCases.Functions.csproj");
        Assert.Equal("bicep", SimpleYaml.Scalar(yaml, "infra", "provider"));
        Assert.True(File.Exists(Path.Combine(BicepCli.RepositoryRoot, SimpleYaml.Scalar(yaml, "infra", "path"), SimpleYaml.Scalar(yaml, "infra", "module") + ".bicep")));
    }

    [Theory]
    [InlineData("preprovision", "infra/hooks/preprovision.sh")]
    [InlineData("postprovision", "infra/hooks/postprovision.sh")]
    public void AzureYaml_RunsTheHookScripts(string hook, string script)
    {
        Assert.Equal("sh", SimpleYaml.Scalar(AzureYaml, "hooks", hook, "shell"));
        Assert.Equal(script, SimpleYaml.Scalar(AzureYaml, "hooks", hook, "run"));
        Assert.True(File.Exists(Path.Combine(BicepCli.RepositoryRoot, script)));
    }

    [Fact]
    public void FunctionApp_IsTaggedWithTheServiceNameOfAzureYaml()
    {
        var site = MainTemplate.Resources("Microsoft.Web/sites").Single();

        Assert.Equal(SimpleYaml.Map(AzureYaml, "services").Keys.Single(), MainTemplate.Variable(MainTemplate.App, "apiServiceName").GetValue<string>());
        Assert.Equal("[union(parameters('tags'), createObject('azd-service-name', variables('apiServiceName')))]", site["tags"]!.GetValue<string>());
        Assert.Single(MainTemplate.AllResources(), r => r.Resource["tags"]?.ToJsonString().Contains("azd-service-name", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void EveryResource_CarriesTheAzdEnvironmentTag()
    {
        var mainTags = MainTemplate.Variable(MainTemplate.Main, "tags").AsObject();
        Assert.Equal("[parameters('environmentName')]", mainTags["azd-env-name"]!.GetValue<string>());

        var resources = MainTemplate.AllResources().ToList();
        Assert.Contains(resources, r => r.Resource["type"]!.GetValue<string>() == "Microsoft.Insights/scheduledQueryRules");
        Assert.Contains(resources, r => r.Resource["type"]!.GetValue<string>() == "Microsoft.Network/privateEndpoints");
        foreach (var (scope, resource) in resources)
        {
            var type = resource["type"]!.GetValue<string>();
            if (Untaggable.ContainsKey(type))
            {
                continue;
            }

            Assert.True(CarriesEnvironmentTag(scope, resource["tags"]), $"{type} in {scope.Name} does not carry azd-env-name (tags: {resource["tags"]?.ToJsonString() ?? "none"}).");
        }
    }

    [Fact]
    public void Parameters_ComeFromTheAzdEnvironment()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.parameters.json")))!["parameters"]!.AsObject();
        var declared = MainTemplate.Main["parameters"]!.AsObject();
        var values = file.ToDictionary(p => p.Key, p => p.Value!["value"]!.GetValue<string>());

        Assert.All(values.Keys, name => Assert.True(declared.ContainsKey(name), $"main.parameters.json sets {name}, which main.bicep does not declare."));
        var required = declared.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key);
        Assert.All(required, name => Assert.True(values.ContainsKey(name), $"main.bicep's {name} has no default and main.parameters.json does not set it."));
        Assert.Equal("${AZURE_ENV_NAME}", values["environmentName"]);
        Assert.Equal("${AZURE_LOCATION}", values["location"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", values["principalId"]);
        Assert.Equal("${API_CLIENT_ID}", values["apiClientId"]);
        // An unset azd variable becomes an empty string, which is no bool: the flags carry azd's ${NAME=default}.
        foreach (var flag in declared.Where(p => p.Value!["type"]!.GetValue<string>() == "bool").Select(p => p.Key))
        {
            Assert.Matches(@"^\$\{[A-Z_]+=false\}$", values[flag]);
        }
    }

    [Fact]
    public void Hooks_WriteAndReadOnlyWhatTheTemplateAndAzdProvide()
    {
        var preprovision = File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "hooks", "preprovision.sh"));
        var postprovision = File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "hooks", "postprovision.sh"));
        var outputs = MainTemplate.Main["outputs"]!.AsObject().Select(o => o.Key).ToHashSet();

        // The preprovision hook stores what main.parameters.json reads.
        Assert.Contains("azd env set API_CLIENT_ID ", preprovision, StringComparison.Ordinal);
        Assert.Contains("azd env set AZURE_PRINCIPAL_TYPE ", preprovision, StringComparison.Ordinal);
        Assert.Contains("azd env set WEBHOOK_SECRET_KEY ", preprovision, StringComparison.Ordinal);
        // The postprovision hook reads template outputs (or variables azd itself sets).
        var builtIn = new HashSet<string> { "AZURE_ENV_NAME", "AZURE_PRINCIPAL_ID", "AZURE_SUBSCRIPTION_ID" };
        var read = AzureVariable().Matches(postprovision).Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(read);
        Assert.All(read, name => Assert.True(outputs.Contains(name) || builtIn.Contains(name), $"postprovision.sh reads {name}, which neither main.bicep outputs nor azd sets."));
        Assert.Contains("AZURE_STORAGE_ACCOUNT_NAME", read);
        Assert.Contains("AZURE_TENANT_ID", read);
    }

    [Fact]
    public void Outputs_NameWhatAzdAndTheBootstrapNeed()
    {
        var outputs = MainTemplate.Main["outputs"]!.AsObject();

        Assert.Equal("[parameters('tenantId')]", outputs["AZURE_TENANT_ID"]!["value"]!.GetValue<string>());
        Assert.Contains("storageAccountName", outputs["AZURE_STORAGE_ACCOUNT_NAME"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("AZURE_RESOURCE_GROUP", outputs.Select(o => o.Key));
        Assert.Contains("AZURE_FUNCTION_APP_NAME", outputs.Select(o => o.Key));
    }

    // Whether a resource's tags, as compiled, include azd-env-name: a literal object, or the enclosing template's
    // tags variable or parameter (followed up to main.bicep), possibly in a union with more tags.
    private static bool CarriesEnvironmentTag(TemplateScope scope, JsonNode? tags)
    {
        switch (tags)
        {
            case JsonObject literal:
                return literal.ContainsKey("azd-env-name");
            case JsonValue value when value.GetValue<string>() is var expression:
                var reference = TagsReference().Match(expression);
                if (!reference.Success)
                {
                    return false;
                }

                if (reference.Groups["kind"].Value == "variables")
                {
                    return CarriesEnvironmentTag(scope, scope.Template["variables"]?[reference.Groups["name"].Value]);
                }

                return scope.Parent is not null
                    && CarriesEnvironmentTag(scope.Parent, scope.Deployment!["properties"]!["parameters"]![reference.Groups["name"].Value]?["value"]);
            default:
                return false;
        }
    }

    [GeneratedRegex(@"^\[(?:union\()?(?<kind>variables|parameters)\('(?<name>tags)'\)(?:, createObject\(.*\)\))?\]$")]
    private static partial Regex TagsReference();

    [GeneratedRegex(@"\bAZURE_[A-Z_]+\b")]
    private static partial Regex AzureVariable();
}
