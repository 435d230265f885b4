using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Http;

public static class HttpApiServiceCollectionExtensions
{
    public static IServiceCollection AddHttpApi(this IServiceCollection services) => services.AddSingleton<HttpApi>();
}
