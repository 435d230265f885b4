using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Organisations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InclusionCases.Tools.Demo;

/// <summary>Registers the demo data seeder; storage (<c>AddStorage</c>) is registered by the caller.</summary>
public static class DemoDataServiceCollectionExtensions
{
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.TryAddSingleton<OrganisationRepository>();
        services.TryAddSingleton<MembershipRepository>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OrganisationService>();
        services.TryAddSingleton<DemoDataSeeder>();
        return services;
    }
}
