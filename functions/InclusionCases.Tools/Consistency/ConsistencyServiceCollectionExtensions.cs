using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InclusionCases.Tools.Consistency;

/// <summary>Registers the consistency checker; storage (<c>AddStorage</c>) is registered by the caller.</summary>
public static class ConsistencyServiceCollectionExtensions
{
    public static IServiceCollection AddConsistencyCheck(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConsistencyChecker>();
        return services;
    }
}
