using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InclusionCases.Functions.Identity;

public static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddApiAuthentication(configuration, environment);
        services.AddSingleton<MembershipRepository>();
        services.AddMemoryCache();
        // One instance both reads through and is evicted by membership changes on this host.
        services.AddSingleton(sp => new CachedMembershipReader(
            sp.GetRequiredService<MembershipRepository>(), sp.GetRequiredService<IMemoryCache>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IMembershipReader>(sp => sp.GetRequiredService<CachedMembershipReader>());
        services.AddSingleton<OrganisationRepository>();
        return services;
    }
}
