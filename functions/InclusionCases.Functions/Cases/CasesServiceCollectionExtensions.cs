using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Cases;

public static class CasesServiceCollectionExtensions
{
    public static IServiceCollection AddCases(this IServiceCollection services) => services
        .AddSingleton<CaseStore>()
        .AddSingleton<OrganisationCaseIndex>()
        .AddSingleton<CaseEventPublisher>()
        .AddSingleton<CaseProjector>()
        .AddSingleton<OutboxSweeper>()
        .AddSingleton<CaseService>();
}
