using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Organisations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InclusionCases.Tools.Bootstrap;

/// <summary>Registers the coordinator bootstrap; the storage account is registered by the caller.</summary>
public static class CoordinatorBootstrapServiceCollectionExtensions
{
    public static IServiceCollection AddCoordinatorBootstrap(this IServiceCollection services)
    {
        services.TryAddSingleton<OrganisationRepository>();
        services.TryAddSingleton<MembershipRepository>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OrganisationService>();
        services.TryAddSingleton<CoordinatorBootstrap>();
        return services;
    }
}
