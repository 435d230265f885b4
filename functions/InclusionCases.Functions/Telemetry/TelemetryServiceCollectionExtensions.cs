using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The app's instruments and heartbeats. Exporting them is the host's choice (<see cref="AzureMonitorTelemetry"/>).</summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        return services
            .AddSingleton<OperationalMetrics>()
            .AddSingleton<Heartbeats>();
    }
}
