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
        services.AddSingleton<IMembershipReader>(sp => sp.GetRequiredService<MembershipRepository>());
        services.AddSingleton<OrganisationRepository>();
        services.AddSingleton<DemoDataSeeder>();
        return services;
    }
}
