using System.Text.Json;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Tools;
using InclusionCases.Tools.Demo;
using Microsoft.Extensions.Configuration;

namespace InclusionCases.IntegrationTests.Tools;

/// <summary><c>seed</c> and <c>check</c> as <c>./dev</c> runs them: a local.settings.json, no host.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ToolCommandsTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("inclusioncases-tools-").FullName;
    private readonly string _prefix = TestHost.NewPrefix();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Seed_ThenCheck_WritesTheDemoDataAndFindsNothingHalfWritten()
    {
        var settings = SettingsFile();

        var seed = await RunAsync("seed", "--settings", settings);
        var again = await RunAsync("seed", "--settings", settings);
        var check = await RunAsync("check", "--settings", settings);

        Assert.Equal(0, seed.Code);
        Assert.Equal(0, again.Code);
        Assert.Contains($"Seeded {DemoDirectory.Organisations.Count} organisations and {DemoDirectory.Users.Count} users.", seed.Error, StringComparison.Ordinal);
        var memberships = new MembershipRepository(Account());
        foreach (var user in DemoDirectory.Users)
        {
            Assert.Equal(user.Membership, (await memberships.FindAsync(user.ObjectId, CancellationToken.None))! with { Since = null });
        }

        Assert.Equal(0, check.Code);
        Assert.Equal("0 cases, 0 waiting for the projector, 0 problems", check.Output.Trim());
    }

    [Fact]
    public async Task Check_NoStorageConfigured_SaysSoInOneLine()
    {
        var (code, _, error) = await RunAsync("check", "--settings", SettingsFile(storage: null));

        Assert.Equal(1, code);
        Assert.StartsWith("error: Storage is not configured", error, StringComparison.Ordinal);
    }

    private StorageAccount Account() => StorageAccount.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        [StorageAccount.DefaultConnectionName] = azurite.ConnectionString,
        [StorageNames.PrefixSetting] = _prefix,
    }).Build());

    private string SettingsFile(string? storage = "azurite")
    {
        var values = new Dictionary<string, string>
        {
            ["Storage__TablePrefix"] = _prefix,
            ["CaseEventsQueue"] = _prefix + "-case-events",
            ["ContactIntakeQueue"] = _prefix + "-contact-intake",
            ["WebhookDeliveriesQueue"] = _prefix + "-webhook-deliveries",
            ["MatchRequestsQueue"] = _prefix + "-match-requests",
        };
        if (storage is not null)
        {
            values[StorageAccount.DefaultConnectionName] = azurite.ConnectionString;
        }

        var path = Path.Combine(_directory, "local.settings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        return path;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ToolCommands.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
