using InclusionCases.Functions.Webhooks;
using InclusionCases.UnitTests.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InclusionCases.UnitTests.Webhooks;

/// <summary>The webhook settings are checked when the app starts: no key, or loopback outside Development, stops it.</summary>
public sealed class WebhookOptionsTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    private static WebhookOptions Options(string environment, params (string Key, string? Value)[] values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
        using var services = new ServiceCollection().AddWebhooks(configuration, AuthenticationHarness.Environment(environment)).BuildServiceProvider();
        return services.GetRequiredService<IOptions<WebhookOptions>>().Value;
    }

    [Fact]
    public void AllowLoopback_IsTakenInDevelopment_AndRefusedElsewhere()
    {
        Assert.True(Options("Development", ("Webhooks:SecretKey", Key), ("Webhooks:AllowLoopback", "true")).AllowLoopback);
        var refused = Assert.Throws<OptionsValidationException>(() => Options("Production", ("Webhooks:SecretKey", Key), ("Webhooks:AllowLoopback", "true")));
        Assert.Contains("AllowLoopback", refused.Message, StringComparison.Ordinal);
        Assert.False(Options("Production", ("Webhooks:SecretKey", Key)).AllowLoopback);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/webhook-secret-key)")]
    public void AMissingOrUnresolvedKey_StopsTheApp(string? key)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Options("Production", ("Webhooks:SecretKey", key)));
        Assert.Contains("SecretKey", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("02:00:00")]
    public void AFirstRetryDelayOutOfRange_StopsTheApp(string delay) =>
        Assert.Throws<OptionsValidationException>(() => Options("Production", ("Webhooks:SecretKey", Key), ("Webhooks:FirstRetryDelay", delay)));
}
