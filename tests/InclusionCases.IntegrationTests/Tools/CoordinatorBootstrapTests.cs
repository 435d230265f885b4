using System.Net;
using System.Net.Http.Json;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Tools.Bootstrap;
using InclusionCases.Tools.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Tools;

/// <summary>
/// <c>bootstrap-coordinator</c> against Azurite. The command's own settings (account name, table
/// prefix) are used with Azurite's connection string in place of the operator's Entra sign-in,
/// which cannot be had here: the identity path is not tested.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class CoordinatorBootstrapTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private const string TenantId = "4b1d5c3e-0d6a-4f2b-9c8e-7a5f3e1d0c9b";
    private readonly string _objectId = Guid.NewGuid().ToString();

    [Fact]
    public async Task Bootstrap_NewCoordinator_WritesBothRows_AndTheCoordinatorIsKnownToTheApi()
    {
        var (code, output, error) = await BootstrapAsync(_objectId, "schaerbeek-commune", "Commune de Schaerbeek", "Commune", displayName: "Anne Dupont");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains($"{Host.TablePrefix}Organisations 'schaerbeek-commune': written", output, StringComparison.Ordinal);
        Assert.Contains($"{Host.TablePrefix}Memberships '{_objectId}': written", output, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", output, StringComparison.Ordinal); // no token, no key
        Assert.Equal(new Organisation("schaerbeek-commune", "Commune de Schaerbeek", OrganisationKind.Commune), await Organisations.FindAsync("schaerbeek-commune", CancellationToken.None));
        Assert.Equal(new Membership(_objectId, "schaerbeek-commune", "Anne Dupont"), (await Memberships.FindAsync(_objectId, CancellationToken.None))! with { Since = null });

        using var request = TestHost.Request(HttpMethod.Get, "me", Host.Tokens.Issue(_objectId, "Anne Dupont", [AppRole.Coordinator]));
        var me = await Host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("schaerbeek-commune", (await me.Content.ReadFromJsonAsync<MeBody>())?.OrganisationId);
    }

    [Fact]
    public async Task Bootstrap_RunTwice_LeavesTheRowsAsTheyWere()
    {
        await BootstrapAsync(_objectId, "evere-cpas", "CPAS d'Evere", "Cpas");

        var (code, output, _) = await BootstrapAsync(_objectId, "evere-cpas", "CPAS d'Evere", "cpas", displayName: "Another Name");

        Assert.Equal(0, code);
        Assert.Contains("Organisations 'evere-cpas': already present, left as it was", output, StringComparison.Ordinal);
        Assert.Contains($"Memberships '{_objectId}': already present, left as it was (organisation 'evere-cpas', display name \"{BootstrapCoordinatorArguments.DefaultDisplayName}\")", output, StringComparison.Ordinal);
        Assert.Equal(new Membership(_objectId, "evere-cpas", BootstrapCoordinatorArguments.DefaultDisplayName), (await Memberships.FindAsync(_objectId, CancellationToken.None))! with { Since = null });
    }

    [Fact]
    public async Task Bootstrap_ObjectIdAlreadyInAnotherOrganisation_RefusesAndWritesNothing()
    {
        var marc = DemoDirectory.Find("marc")!;

        var (code, output, error) = await BootstrapAsync(marc.ObjectId, "forest-commune", "Commune de Forest", "Commune");

        Assert.Equal(1, code);
        Assert.DoesNotContain("written", output, StringComparison.Ordinal);
        Assert.Contains($"already a member of organisation '{marc.OrganisationId}'", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", error, StringComparison.Ordinal);
        Assert.Equal(marc.Membership, (await Memberships.FindAsync(marc.ObjectId, CancellationToken.None))! with { Since = null });
        Assert.Null(await Organisations.FindAsync("forest-commune", CancellationToken.None));
    }

    [Fact]
    public async Task Bootstrap_OrganisationIdTakenWithAnotherNameOrKind_RefusesAndWritesNothing()
    {
        var (code, _, error) = await BootstrapAsync(_objectId, "ixelles-commune", "Commune d'Ixelles", "Cpas");

        Assert.Equal(1, code);
        Assert.Contains("organisation 'ixelles-commune' already exists as \"Commune d'Ixelles\" (Commune)", error, StringComparison.Ordinal);
        Assert.Null(await Memberships.FindAsync(_objectId, CancellationToken.None));
        Assert.Equal(OrganisationKind.Commune, (await Organisations.FindAsync("ixelles-commune", CancellationToken.None))!.Kind);
    }

    [Fact]
    public async Task Bootstrap_ExistingOrganisation_AddsItsFirstCoordinator()
    {
        var (code, output, _) = await BootstrapAsync(_objectId, "ixelles-commune", "Commune d'Ixelles", "Commune");

        Assert.Equal(0, code);
        Assert.Contains("Organisations 'ixelles-commune': already present", output, StringComparison.Ordinal);
        Assert.Contains($"Memberships '{_objectId}': written", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_TablesMissing_SaysToDeployTheInfrastructureFirst()
    {
        var (code, _, error) = await BootstrapAsync(_objectId, "evere-cpas", "CPAS d'Evere", "Cpas", tablePrefix: TestHost.NewPrefix());

        Assert.Equal(1, code);
        Assert.Contains("the tables do not exist", error, StringComparison.Ordinal);
    }

    private MembershipRepository Memberships => Host.Services.GetRequiredService<MembershipRepository>();

    private OrganisationRepository Organisations => Host.Services.GetRequiredService<OrganisationRepository>();

    private async Task<(int Code, string Output, string Error)> BootstrapAsync(
        string objectId, string organisationId, string organisationName, string kind, string? displayName = null, string? tablePrefix = null)
    {
        List<string> args =
        [
            "--storage-account", "devstoreaccount1", "--tenant-id", TenantId, "--object-id", objectId,
            "--organisation-id", organisationId, "--organisation-name", organisationName, "--organisation-kind", kind,
            "--table-prefix", tablePrefix ?? Host.TablePrefix,
        ];
        if (displayName is not null)
        {
            args.AddRange(["--display-name", displayName]);
        }

        var arguments = BootstrapCoordinatorArguments.Parse(args);
        // The command's settings, with Azurite's connection string where Azure has the operator's sign-in.
        var settings = new ConfigurationBuilder()
            .AddConfiguration(arguments.StorageSettings())
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageAccount.DefaultConnectionName] = Azurite.ConnectionString })
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await BootstrapCoordinatorCommand.RunAsync(arguments, StorageAccount.FromConfiguration(settings), output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private sealed record MeBody(string Id, string OrganisationId);
}
