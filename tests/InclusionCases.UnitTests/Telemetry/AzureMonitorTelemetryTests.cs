using Azure.Identity;
using InclusionCases.Functions.Telemetry;

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
