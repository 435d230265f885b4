using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Tools.Demo;

/// <summary>Creates the app's tables and queues and writes the demo organisations and memberships. Idempotent: upserts fixed rows.</summary>
public sealed class DemoDataSeeder(StorageProvisioner provisioner, OrganisationRepository organisations, MembershipRepository memberships)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await provisioner.EnsureCreatedAsync(cancellationToken);
        foreach (var organisation in DemoDirectory.Organisations)
        {
            await organisations.UpsertAsync(organisation, cancellationToken);
        }

        foreach (var user in DemoDirectory.Users)
        {
            await memberships.UpsertAsync(user.Membership, cancellationToken);
        }
    }
}
