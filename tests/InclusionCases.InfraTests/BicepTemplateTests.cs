using System.Text.Json.Nodes;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Retention;
using InclusionCases.Functions.Storage;

namespace InclusionCases.InfraTests;

/// <summary>infra/main.bicep builds and lints clean, and sets up exactly what the code expects.</summary>
public sealed class BicepTemplateTests
{
    /// <summary>
    /// Roles beyond the app identity's three storage data roles. Each one is allowed here only with the reason it
    /// is needed, for the principal and scope it is needed on, and under the condition that limits it.
    /// </summary>
    private static readonly AllowedRole[] ExtraRoles =
    [
        new(
            "3913510d-42f4-4e42-8a64-420c390055eb",
            "Monitoring Metrics Publisher",
            Principal: "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', format('id-inclusioncases-{0}', parameters('environmentName'))), '2023-01-31').principalId]",
            ScopeType: "Microsoft.Insights/components",
            Condition: null,
            Justification: "Telemetry ingestion: Application Insights has local authentication off, so the app's identity sends telemetry with an Entra token, which needs this role on that one resource."),
        new(
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
            "Storage Table Data Contributor (deployer)",
            Principal: "[parameters('principalId')]",
            ScopeType: "Microsoft.Storage/storageAccounts",
            Condition: "[and(parameters('grantDeployerTableAccess'), not(empty(parameters('principalId'))))]",
            Justification: "Bootstrap of the first Coordinator: the deployer writes the Organisations and Memberships rows with their own Entra identity (no shared keys), only when grantDeployerTableAccess is set (default false)."),
        new(
            "4633458b-17de-408a-b874-0445c86b69e6",
            "Key Vault Secrets User",
            Principal: "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', format('id-inclusioncases-{0}', parameters('environmentName'))), '2023-01-31').principalId]",
            ScopeType: "Microsoft.KeyVault/vaults",
            Condition: null,
            Justification: "The app reads the key that seals webhook subscription secrets (Webhooks__SecretKey) through a Key Vault reference; on that one vault, which holds nothing else but the identifier hash key (Matching__IdentifierKey), read the same way."),
    ];

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
            "Auth__Mode", "AzureAd__Instance", "AzureAd__TenantId", "AzureAd__ClientId", "Webhooks__SecretKey", "Matching__IdentifierKey",
        };
        required.AddRange(QueueNames.Settings.Keys);
        required.AddRange(catalog.Queues.Select(q => q.QueueName.Trim('%')));
        // A binding expression names a setting as configuration does (Section:Key); Linux app settings spell ':' as '__'.
        required.AddRange(catalog.Timers.Select(t => t.Schedule.Trim('%').Replace(":", "__", StringComparison.Ordinal)));
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
        // Webhooks to loopback are for a Development host; the app refuses the setting elsewhere, and the template never sets it.
        Assert.DoesNotContain("Webhooks__AllowLoopback", settings.Keys);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings["Webhooks__SecretKey"], StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings["Matching__IdentifierKey"], StringComparison.Ordinal);
        Assert.DoesNotContain(settings.Keys, k => k is "AzureWebJobsStorage" || k.Contains("ConnectionString", StringComparison.Ordinal) && k != "APPLICATIONINSIGHTS_CONNECTION_STRING");
    }

    [Fact]
    public void RoleAssignments_AppIdentityHoldsOnlyTableQueueAndBlobDataRolesOnItsStorage()
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
        // One assignment resource loops over exactly that table of roles, for the app identity, on the storage account.
        var loop = Resources("Microsoft.Authorization/roleAssignments").Where(a => a["copy"] is not null).ToList();
        var assignment = Assert.Single(loop);
        Assert.Contains("items(variables('roles'))", assignment["properties"]!["roleDefinitionId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("[length(items(variables('roles')))]", assignment["copy"]!["count"]!.GetValue<string>());
        Assert.Equal(ExtraRoles[0].Principal, assignment["properties"]!["principalId"]!.GetValue<string>());
        Assert.StartsWith("[resourceId('Microsoft.Storage/storageAccounts',", assignment["scope"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void RoleAssignments_BeyondTheStorageDataRoles_AreOnTheJustifiedAllowList()
    {
        Assert.All(ExtraRoles, r => Assert.False(string.IsNullOrWhiteSpace(r.Justification)));
        var extra = MainTemplate.AllResources().Where(r => r.Resource["type"]!.GetValue<string>() == "Microsoft.Authorization/roleAssignments" && r.Resource["copy"] is null).ToList();

        var matched = new List<AllowedRole>();
        foreach (var (scope, assignment) in extra)
        {
            var roleId = RoleIdOf(scope.Template, assignment["properties"]!["roleDefinitionId"]!.GetValue<string>());
            var principal = assignment["properties"]!["principalId"]!.GetValue<string>();
            var allowed = ExtraRoles.SingleOrDefault(r => r.RoleId == roleId && r.Principal == principal);
            Assert.True(allowed is not null, $"Role {roleId} for {principal} in {scope.Name} is not on the allow-list of this test; add it there with its justification, or remove it.");
            Assert.StartsWith($"[resourceId('{allowed.ScopeType}',", assignment["scope"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(allowed.Condition, assignment["condition"]?.GetValue<string>());
            matched.Add(allowed);
        }

        Assert.Equal(ExtraRoles.Select(r => r.Name).Order(), matched.Select(r => r.Name).Order());
        // The deployer's data role is off unless asked for.
        Assert.False(MainTemplate.Main["parameters"]!["grantDeployerTableAccess"]!["defaultValue"]!.GetValue<bool>());
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

    [Fact]
    public void ApplicationInsights_AcceptsOnlyEntraAuthenticatedTelemetryFromTheAppIdentity()
    {
        var insights = Resources("Microsoft.Insights/components").Single()["properties"]!;
        var settings = AppSettings();
        var clientId = settings["AzureWebJobsStorage__clientId"]!.GetValue<string>();

        Assert.True(insights["DisableLocalAuth"]!.GetValue<bool>());
        Assert.StartsWith("[resourceId('Microsoft.OperationalInsights/workspaces',", insights["WorkspaceResourceId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(Resources("Microsoft.OperationalInsights/workspaces"));
        // The documented form, Authorization=AAD;ClientId=<user-assigned identity client id>, with the identity the storage connection uses.
        Assert.Equal($"[format('Authorization=AAD;ClientId={{0}}', {clientId.Trim('[', ']')})]", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]!.GetValue<string>());
        Assert.Contains(".clientId]", clientId, StringComparison.Ordinal);
    }

    [Fact]
    public void StorageDiagnostics_SendTableAndQueueLogsAndTransactionsToTheWorkspace()
    {
        var diagnostics = Resources("Microsoft.Insights/diagnosticSettings").ToList();

        Assert.Equal(
            ["tableServices", "queueServices"],
            diagnostics.Select(d => d["scope"]!.GetValue<string>()).Select(s => s.Contains("'Microsoft.Storage/storageAccounts/tableServices'", StringComparison.Ordinal) ? "tableServices" : s.Contains("'Microsoft.Storage/storageAccounts/queueServices'", StringComparison.Ordinal) ? "queueServices" : s));
        var categories = MainTemplate.Variable(MainTemplate.App, "storageLogCategories").AsArray().Select(c => c!.GetValue<string>());
        Assert.Equal(["StorageRead", "StorageWrite", "StorageDelete"], categories);
        Assert.All(diagnostics, d =>
        {
            var properties = d["properties"]!;
            Assert.StartsWith("[resourceId('Microsoft.OperationalInsights/workspaces',", properties["workspaceId"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("[variables('storageLogCategories')[copyIndex('logs')]]", properties["copy"]!.AsArray().Single()!["input"]!["category"]!.GetValue<string>());
            Assert.Equal("Transaction", properties["metrics"]!.AsArray().Single()!["category"]!.GetValue<string>());
        });
    }

    [Fact]
    public void AppSettings_LeaveQueueBehaviourToHostJson()
    {
        // host.json alone sets batch size, dequeue count and visibility timeout; an app setting would silently override it.
        Assert.DoesNotContain(AppSettings().Select(s => s.Key), k => k.StartsWith("AzureFunctionsJobHost__", StringComparison.OrdinalIgnoreCase));
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "functions", "InclusionCases.Functions", "host.json")))!;
        Assert.NotNull(hostJson["extensions"]?["queues"]?["maxDequeueCount"]);
        // The poison queues the template creates are the ones the host moves messages to.
        var poison = MainTemplate.Variable(MainTemplate.App, "copy").AsArray().Single(c => c!["name"]!.GetValue<string>() == "poisonQueueNames")!;
        Assert.Equal("[format('{0}-poison', variables('queueNames')[copyIndex('poisonQueueNames')])]", poison["input"]!.GetValue<string>());
        Assert.Equal("case-events-poison", QueueNames.PoisonOf("case-events"));
    }

    [Fact]
    public void AppSettings_ScheduleTheOperationsSampler()
    {
        // SampleOperations feeds the poison and backlog alerts (modules/alerts.bicep): every 5 minutes, inside their windows.
        Assert.Equal("0 */5 * * * *", AppSettings()[InclusionCases.Functions.Operations.SampleOperationsFunction.ScheduleSetting]!.GetValue<string>());
        Assert.Equal("0 30 3 * * *", AppSettings()[RetentionFunction.ScheduleSetting]!.GetValue<string>());
    }

    private static IEnumerable<JsonObject> Resources(string type) => MainTemplate.Resources(type);

    private static JsonObject AppSettings() => MainTemplate.AppSettings();

    // The role definition GUID of a roleDefinitionId expression: a literal or a variable (or a property of one).
    private static string RoleIdOf(JsonObject template, string roleDefinitionId)
    {
        var match = System.Text.RegularExpressions.Regex.Match(roleDefinitionId, @"variables\('(?<name>\w+)'\)(\.(?<property>\w+))?");
        if (!match.Success)
        {
            return System.Text.RegularExpressions.Regex.Match(roleDefinitionId, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").Value;
        }

        var variable = MainTemplate.Variable(template, match.Groups["name"].Value);
        return (match.Groups["property"].Success ? variable[match.Groups["property"].Value]! : variable).GetValue<string>();
    }

    private sealed record AllowedRole(string RoleId, string Name, string Principal, string ScopeType, string? Condition, string Justification);
}
