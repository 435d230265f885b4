using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Oversight;

public static class OversightServiceCollectionExtensions
{
    public static IServiceCollection AddOversight(this IServiceCollection services) => services
        .AddSingleton<AuditQueries>()
        .AddSingleton<PersonErasure>()
        .AddSingleton<PersonRecords>();
}
