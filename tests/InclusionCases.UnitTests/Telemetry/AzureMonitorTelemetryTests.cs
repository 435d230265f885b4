using Azure.Identity;
using InclusionCases.Functions.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace InclusionCases.UnitTests.Telemetry;

/// <summary>The exporter's credential comes from the same setting the Functions host reads, in its documented form only.</summary>
public sealed class AzureMonitorTelemetryTests
{
    [Fact]
    public void CredentialFrom_EntraWithClientId_IsThatManagedIdentity()
    {
        Assert.IsType<ManagedIdentityCredential>(AzureMonitorTelemetry.CredentialFrom("Authorization=AAD;ClientId=6f1c2b3a-0000-4000-8000-000000000001"));
    }

    [Fact]
    public void AddAzureMonitorTelemetry_WithAConnectionString_BuildsTracesAndMetrics()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [AzureMonitorTelemetry.ConnectionStringSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/",
            [AzureMonitorTelemetry.AuthenticationSetting] = "Authorization=AAD;ClientId=6f1c2b3a-0000-4000-8000-000000000001",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();

        services.AddAzureMonitorTelemetry(settings);
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }

    [Fact]
    public void AddAzureMonitorTelemetry_WithoutAConnectionString_LeavesTelemetryToTheHost()
    {
        var services = new ServiceCollection();

        services.AddAzureMonitorTelemetry(new ConfigurationBuilder().Build());

        Assert.DoesNotContain(services, d => d.ServiceType.FullName?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void CredentialFrom_Unset_IsNone()
    {
        Assert.Null(AzureMonitorTelemetry.CredentialFrom(null));
        Assert.Null(AzureMonitorTelemetry.CredentialFrom(" "));
    }

    [Fact]
    public void CredentialFrom_AnotherForm_StopsTheAppWithTheSettingsName()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => AzureMonitorTelemetry.CredentialFrom("InstrumentationKey=abc"));

        Assert.Contains(AzureMonitorTelemetry.AuthenticationSetting, refused.Message, StringComparison.Ordinal);
    }
}
