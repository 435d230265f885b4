using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace InclusionCases.Functions.Telemetry;

/// <summary>
/// OpenTelemetry for the Functions host: the worker's invocation traces (so an invocation continues the
/// caller's W3C trace), the Azure SDK's storage calls, the app's <see cref="MetricNames.Meter"/>, and
/// logs with their scopes, exported to Application Insights when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set. Ingestion is authenticated with Entra (local
/// auth is off on the resource): <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>
/// (<c>Authorization=AAD;ClientId=…</c>) names the managed identity that holds Monitoring Metrics Publisher.
/// </summary>
public static class AzureMonitorTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static IServiceCollection AddAzureMonitorTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The Azure SDK emits its spans only with this switch on.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        services.Configure<OpenTelemetryLoggerOptions>(logs =>
        {
            logs.IncludeScopes = true;
            logs.IncludeFormattedMessage = true;
        });
        if (string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]))
        {
            // Nothing to export to: the worker leaves its logs to the host rather than claim them and drop them.
            return services;
        }

        var connectionString = configuration[ConnectionStringSetting];
        var credential = CredentialFrom(configuration[AuthenticationSetting]);
        var telemetry = services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("Azure.*"))
            .WithMetrics(metrics => metrics.AddMeter(MetricNames.Meter));
        telemetry.UseFunctionsWorkerDefaults();
        telemetry.UseAzureMonitorExporter(exporter =>
        {
            exporter.ConnectionString = connectionString;
            exporter.Credential = credential;
            // Every trace is kept (the exporter's default keeps about 5 a second), so the traceId a partner
            // quotes from a problem always finds its request. The volume is that of a case-work API.
            exporter.SamplingRatio = 1f;
            exporter.TracesPerSecond = null;
        });
        return services;
    }

    /// <summary>The managed identity named by <c>Authorization=AAD;ClientId=…</c>; none (key-based ingestion) when unset.</summary>
    internal static TokenCredential? CredentialFrom(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication))
        {
            return null;
        }

        var parts = authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!string.Equals(parts.GetValueOrDefault("Authorization"), "AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{AuthenticationSetting} must read 'Authorization=AAD;ClientId=<managed identity client id>'.");
        }

        return parts.GetValueOrDefault("ClientId") is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
