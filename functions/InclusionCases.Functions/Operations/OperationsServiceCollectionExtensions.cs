using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Operations;

public static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddOperations(this IServiceCollection services) => services
        .AddSingleton<PoisonQueues>()
        .AddSingleton<OperationsStatusReader>()
        .AddSingleton<OperationsSampler>();
}
