using InclusionCases.Functions.Organisations;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Tools.Demo;

/// <summary>
/// Creates the app's tables and queues and writes the demo organisations and memberships through the
/// app's <see cref="OrganisationService"/> (the one the API's routes use). Idempotent: the organisations
/// are written as listed, each demo user is granted (or left in) their organisation. A demo user moved
/// elsewhere through the API is left where they are.
/// </summary>
public sealed class DemoDataSeeder(StorageProvisioner provisioner, OrganisationService service)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await provisioner.EnsureCreatedAsync(cancellationToken);
        foreach (var organisation in DemoDirectory.Organisations)
        {
            await service.SaveAsync(organisation, cancellationToken);
        }

        foreach (var user in DemoDirectory.Users)
        {
            await service.GrantAsync(user.OrganisationId, user.ObjectId, user.DisplayName, validUntil: null, cancellationToken);
        }
    }
}
