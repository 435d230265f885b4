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
        services.AddSingleton<IMembershipReader>(sp => new CachedMembershipReader(
            sp.GetRequiredService<MembershipRepository>(), sp.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>()));
        services.AddSingleton<OrganisationRepository>();
        return services;
    }
}
