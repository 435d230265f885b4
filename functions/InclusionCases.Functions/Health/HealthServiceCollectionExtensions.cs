using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Health;

public static class HealthServiceCollectionExtensions
{
    public static IServiceCollection AddHealth(this IServiceCollection services) => services.AddSingleton<StorageHealthProbe>();
}
