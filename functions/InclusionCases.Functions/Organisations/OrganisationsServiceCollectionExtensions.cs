using InclusionCases.Functions.Organisations.UseCases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InclusionCases.Functions.Organisations;

public static class OrganisationsServiceCollectionExtensions
{
    public static IServiceCollection AddOrganisations(this IServiceCollection services)
    {
        services.TryAddSingleton<OrganisationService>();
        return services
            .AddSingleton<ListOrganisations>()
            .AddSingleton<GetOrganisation>()
            .AddSingleton<CreateOrganisation>()
            .AddSingleton<UpdateOrganisation>()
            .AddSingleton<ListMembers>()
            .AddSingleton<GrantMembership>()
            .AddSingleton<EndMembership>();
    }
}
