using System.Text.Json.Nodes;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Retention;
using InclusionCases.Functions.Storage;

namespace InclusionCases.InfraTests;

/// <summary>infra/main.bicep builds and lints clean, and sets up exactly what the code expects.</summary>
public sealed class BicepTemplateTests
{
    [Fact]
    public void Build_MainTemplate_SucceedsWithoutWarnings()
    {
        var (exitCode, _, errors) = BicepCli.Run("build", "main.bicep", "--stdout");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, errors.Trim());
    }

    [Fact]
    public void Lint_MainTemplate_ReportsNothing()
    {
        var (exitCode, output, errors) = BicepCli.Run("lint", "main.bicep");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, (output + errors).Trim());
    }

    [Fact]
    public void BuildParams_TestEnvironment_Succeeds()
    {
        var (exitCode, _, errors) = BicepCli.Run("build-params", "main.test.bicepparam", "--stdout");

        Assert.True(exitCode == 0, errors);
    }

    [Fact]
    public void AppSettings_SetEveryKeyTheCodeReads()
    {
        var settings = AppSettings().Select(s => s.Key).ToHashSet();
        var catalog = FunctionCatalog.Discover([typeof(StorageAccount).Assembly]);
        var required = new List<string>
        {
            "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
            "Auth__Mode", "AzureAd__Instance", "AzureAd__TenantId", "AzureAd__ClientId",
        };
        required.AddRange(QueueNames.Settings.Keys);
        required.AddRange(catalog.Queues.Select(q => q.QueueName.Trim('%')));
        required.AddRange(catalog.Timers.Select(t => t.Schedule.Trim('%')));
        required.AddRange(typeof(RetentionOptions).GetProperties().Select(p => $"{RetentionOptions.SectionName}__{p.Name}"));

        var missing = required.Distinct().Where(r => !settings.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "Not set by the template: " + string.Join(", ", missing));
    }

    [Fact]
    public void AppSettings_CannotEnableDevelopmentTokens()
    {
        var settings = AppSettings().ToDictionary(s => s.Key, s => s.Value?.ToJsonString() ?? string.Empty);

        Assert.Equal("\"AzureAd\"", settings["Auth__Mode"]);
        Assert.Equal("\"Production\"", settings["AZURE_FUNCTIONS_ENVIRONMENT"]);
        Assert.DoesNotContain(settings, s => s.Value.Contains("Development", StringComparison.OrdinalIgnoreCase) || s.Key.StartsWith("Auth__Development", StringComparison.Ordinal));
        Assert.DoesNotContain(settings.Keys, k => k is "AzureWebJobsStorage" || k.Contains("ConnectionString", StringComparison.Ordinal) && k != "APPLICATIONINSIGHTS_CONNECTION_STRING");
    }

    [Fact]
    public void RoleAssignments_GrantOnlyTableQueueAndBlobDataRoles()
    {
        var roles = MainTemplate.App["variables"]!["roles"]!.AsObject().Select(r => r.Value!.GetValue<string>()).ToHashSet();

        Assert.Equal(
            new HashSet<string>
            {
                "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
                "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
                "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner (deployment container)
            },
            roles);
        var assignments = Resources("Microsoft.Authorization/roleAssignments").ToList();
        Assert.Single(assignments);
        // The one assignment resource loops over exactly that table of roles, nothing else.
        Assert.Contains("items(variables('roles'))", assignments[0]["properties"]!["roleDefinitionId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("[length(items(variables('roles')))]", assignments[0]["copy"]!["count"]!.GetValue<string>());
    }

    [Fact]
    public void TablesAndQueues_AreTheOnesTheCodeUses()
    {
        var variables = MainTemplate.App["variables"]!;

        Assert.Equal(TableNames.All, variables["tableNames"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(QueueNames.Settings.Values.Order(), variables["queueNames"]!.AsArray().Select(q => q!.GetValue<string>()).Order());
    }

    [Fact]
    public void Storage_RefusesSharedKeysAndOldTls()
    {
        var storage = Resources("Microsoft.Storage/storageAccounts").Single()["properties"]!;

        Assert.False(storage["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", storage["minimumTlsVersion"]!.GetValue<string>());
        Assert.False(storage["allowBlobPublicAccess"]!.GetValue<bool>());
    }

    [Fact]
    public void FunctionApp_RunsDotnetIsolated10OnFlexConsumption()
    {
        var plan = Resources("Microsoft.Web/serverfarms").Single();
        var runtime = Resources("Microsoft.Web/sites").Single()["properties"]!["functionAppConfig"]!["runtime"]!;

        Assert.Equal("FC1", plan["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("dotnet-isolated", runtime["name"]!.GetValue<string>());
        Assert.Equal("10.0", runtime["version"]!.GetValue<string>());
    }

    private static IEnumerable<JsonObject> Resources(string type) => MainTemplate.Resources(type);

    private static JsonObject AppSettings() => MainTemplate.AppSettings();
}
