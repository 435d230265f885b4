using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.OpenApi;

public static class OpenApiServiceCollectionExtensions
{
    /// <summary>The served contract, built once per host.</summary>
    public static IServiceCollection AddOpenApi(this IServiceCollection services) => services.AddSingleton<ServedContract>();
}
