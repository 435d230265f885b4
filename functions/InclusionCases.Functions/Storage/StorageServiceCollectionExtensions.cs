using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => StorageAccount.FromConfiguration(configuration));
        services.AddSingleton(_ => QueueNames.FromConfiguration(configuration));
        services.AddSingleton<StorageProvisioner>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageProvisioner>());
        return services;
    }
}
