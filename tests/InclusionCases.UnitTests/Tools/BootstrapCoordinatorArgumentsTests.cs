using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Storage;
using InclusionCases.Tools;
using InclusionCases.Tools.Bootstrap;

namespace InclusionCases.UnitTests.Tools;

/// <summary>The command line of <c>bootstrap-coordinator</c>, checked before anything is contacted.</summary>
public sealed class BootstrapCoordinatorArgumentsTests
{
    private const string TenantId = "4b1d5c3e-0d6a-4f2b-9c8e-7a5f3e1d0c9b";
    private const string ObjectId = "6f0c1e2d-3b4a-4c5d-8e9f-0a1b2c3d4e5f";

    [Fact]
    public void Parse_AllOptions_NormalisesIdsAndKind()
    {
        var arguments = BootstrapCoordinatorArguments.Parse(
            Args(("--object-id", ObjectId.ToUpperInvariant()), ("--organisation-kind", "commune"), ("--display-name", "  Anne Dupont "), ("--table-prefix", "staging")));

        Assert.Equal("stinclusionprod", arguments.StorageAccountName);
        Assert.Equal(TenantId, arguments.TenantId);
        Assert.Equal(ObjectId, arguments.ObjectId); // as Entra puts it in "oid": lower case
        Assert.Equal(new Organisation("schaerbeek-commune", "Commune de Schaerbeek", OrganisationKind.Commune), arguments.Organisation);
        Assert.Equal(new Membership(ObjectId, "schaerbeek-commune", "Anne Dupont"), arguments.Membership);
        Assert.Equal("staging", arguments.TablePrefix);
    }

    [Fact]
    public void Parse_NoDisplayNameOrPrefix_TakesTheDefaults()
    {
        var arguments = BootstrapCoordinatorArguments.Parse(Args());

        Assert.Equal(BootstrapCoordinatorArguments.DefaultDisplayName, arguments.DisplayName);
        Assert.Equal(string.Empty, arguments.TablePrefix);
    }

    [Fact]
    public void StorageSettings_AreTheAppsIdentityBasedConnection()
    {
        var arguments = BootstrapCoordinatorArguments.Parse(Args(("--table-prefix", "staging")));

        var settings = arguments.StorageSettings();
        var account = StorageAccount.FromConfiguration(settings, credential: new Azure.Identity.DefaultAzureCredential());

        Assert.Equal("stinclusionprod", settings["AzureWebJobsStorage:accountName"]);
        Assert.Equal(new Uri("https://stinclusionprod.table.core.windows.net/"), account.Tables.Uri);
        Assert.Equal("stagingMemberships", account.Table(TableNames.Memberships).Name);
    }

    [Theory]
    [InlineData("--storage-account")]
    [InlineData("--tenant-id")]
    [InlineData("--object-id")]
    [InlineData("--organisation-id")]
    [InlineData("--organisation-name")]
    [InlineData("--organisation-kind")]
    public void Parse_RequiredOptionMissing_Refuses(string option)
    {
        var args = Args().ToList();
        var index = args.IndexOf(option);
        args.RemoveRange(index, 2);

        var error = Assert.Throws<ToolUsageException>(() => BootstrapCoordinatorArguments.Parse(args));

        Assert.Equal($"{option} is required", error.Message);
    }

    [Theory]
    [InlineData("--storage-account", "St-Inclusion")]
    [InlineData("--storage-account", "ab")]
    [InlineData("--tenant-id", "contoso.onmicrosoft.com")]
    [InlineData("--object-id", "marc")]
    [InlineData("--organisation-id", "a/b")]
    [InlineData("--organisation-kind", "Hospital")]
    [InlineData("--organisation-kind", "1")]
    [InlineData("--table-prefix", "1abc")]
    public void Parse_MalformedValue_RefusesNamingTheOption(string option, string value)
    {
        var error = Assert.Throws<ToolUsageException>(() => BootstrapCoordinatorArguments.Parse(Args((option, value))));

        Assert.StartsWith(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownOrRepeatedOption_Refuses()
    {
        Assert.Throws<ToolUsageException>(() => BootstrapCoordinatorArguments.Parse([.. Args(), "--role", "Coordinator"]));
        Assert.Throws<ToolUsageException>(() => BootstrapCoordinatorArguments.Parse([.. Args(), "--tenant-id", TenantId]));
        Assert.Throws<ToolUsageException>(() => BootstrapCoordinatorArguments.Parse([.. Args(), "stray"]));
    }

    private static string[] Args(params (string Option, string Value)[] overrides)
    {
        var values = new Dictionary<string, string>
        {
            ["--storage-account"] = "stinclusionprod",
            ["--tenant-id"] = TenantId,
            ["--object-id"] = ObjectId,
            ["--organisation-id"] = "schaerbeek-commune",
            ["--organisation-name"] = "Commune de Schaerbeek",
            ["--organisation-kind"] = "Commune",
        };
        foreach (var (option, value) in overrides)
        {
            values[option] = value;
        }

        return [.. values.SelectMany(v => new[] { v.Key, v.Value })];
    }
}
