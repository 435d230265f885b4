using InclusionCases.Functions.Consents.UseCases;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Consents;

public static class ConsentsServiceCollectionExtensions
{
    public static IServiceCollection AddConsents(this IServiceCollection services) => services
        .AddSingleton<RecordConsent>()
        .AddSingleton<RevokeConsent>();
}
