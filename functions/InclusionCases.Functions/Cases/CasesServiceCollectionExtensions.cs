using InclusionCases.Functions.Cases.UseCases;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Cases;

public static class CasesServiceCollectionExtensions
{
    public static IServiceCollection AddCases(this IServiceCollection services) => services
        .AddSingleton<OrganisationCaseIndex>()
        .AddSingleton<CaseProjector>()
        .AddSingleton<OutboxSweeper>()
        .AddSingleton<CreateCase>()
        .AddSingleton<GetCase>()
        .AddSingleton<ListCases>()
        .AddSingleton<UpdateCase>()
        .AddSingleton<EndParticipation>()
        .AddSingleton<AddNote>()
        .AddSingleton<ReadTimeline>();
}
