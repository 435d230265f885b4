using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Reports;

public static class ReportsServiceCollectionExtensions
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services
        .AddSingleton<ReportCounters>()
        .AddSingleton<BreakdownFacts>()
        .AddSingleton<ReportService>()
        .AddSingleton<UseCases.GetBreakdown>()
        .AddSingleton<NightCounts>()
        .AddSingleton<UseCases.NightCountTallies>()
        .AddSingleton<UseCases.OpenNightCount>()
        .AddSingleton<UseCases.GetNightCount>();
}
