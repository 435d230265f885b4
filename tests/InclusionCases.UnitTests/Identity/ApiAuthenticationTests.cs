using InclusionCases.Functions.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InclusionCases.UnitTests.Identity;

public sealed class ApiAuthenticationTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static readonly string DevKey = Convert.ToBase64String(new byte[32]);

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void AddApiAuthentication_DevelopmentModeOutsideDevelopment_RefusesToStart(string environment)
    {
        var settings = Settings(("Auth:Mode", "Development"), ("Auth:Development:SigningKey", DevKey));

        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddApiAuthentication(settings, AuthenticationHarness.Environment(environment)));

        Assert.Contains(environment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddApiAuthentication_UnknownMode_RefusesToStart()
    {
        Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddApiAuthentication(Settings(("Auth:Mode", "None")), AuthenticationHarness.Environment("Development")));
    }

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64!")]
    public void AddApiAuthentication_WeakOrMalformedDevelopmentKey_RefusesToStart(string key)
    {
        Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddApiAuthentication(Settings(("Auth:Mode", "Development"), ("Auth:Development:SigningKey", key)), AuthenticationHarness.Environment("Development")));
    }

    [Fact]
    public void AddApiAuthentication_AzureAdMode_ValidatesEntraTokensForTheConfiguredApp()
    {
        var settings = Settings(
            ("AzureAd:Instance", "https://login.microsoftonline.com/"),
            ("AzureAd:TenantId", "11111111-2222-3333-4444-555555555555"),
            ("AzureAd:ClientId", "66666666-7777-8888-9999-000000000000"));

        var (provider, options) = AzureAdOptions(settings);

        Assert.Contains("11111111-2222-3333-4444-555555555555", options.Authority, StringComparison.Ordinal);
        Assert.Equal(["66666666-7777-8888-9999-000000000000", "api://66666666-7777-8888-9999-000000000000"], options.TokenValidationParameters.ValidAudiences);
        Assert.Null(options.TokenValidationParameters.AudienceValidator);
        Assert.False(options.TokenValidationParameters.IgnoreTrailingSlashWhenValidatingAudience);
        Assert.Equal(["https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0"], options.TokenValidationParameters.ValidIssuers);
        Assert.False(options.MapInboundClaims);
        Assert.Equal("roles", options.TokenValidationParameters.RoleClaimType);
        provider.Dispose();
    }

    [Theory]
    [InlineData("66666666-7777-8888-9999-000000000000")]
    [InlineData("api://66666666-7777-8888-9999-000000000000")]
    public void AddApiAuthentication_AzureAdAudienceNamingTheClient_KeepsBothAudiences(string audience)
    {
        var settings = Settings(
            ("AzureAd:Instance", "https://login.microsoftonline.com/"),
            ("AzureAd:TenantId", "11111111-2222-3333-4444-555555555555"),
            ("AzureAd:ClientId", "66666666-7777-8888-9999-000000000000"),
            ("AzureAd:Audience", audience));

        var (provider, options) = AzureAdOptions(settings);

        Assert.Equal(2, options.TokenValidationParameters.ValidAudiences.Count());
        Assert.Null(options.TokenValidationParameters.ValidAudience);
        provider.Dispose();
    }

    [Theory]
    [InlineData("api://inclusioncases")]
    [InlineData("https://graph.microsoft.com")]
    public void AddApiAuthentication_AzureAdAudienceNamingSomethingElse_RefusesToStart(string audience)
    {
        var settings = Settings(
            ("AzureAd:Instance", "https://login.microsoftonline.com/"),
            ("AzureAd:TenantId", "11111111-2222-3333-4444-555555555555"),
            ("AzureAd:ClientId", "66666666-7777-8888-9999-000000000000"),
            ("AzureAd:Audience", audience));

        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddApiAuthentication(settings, AuthenticationHarness.Environment("Production")));

        Assert.Contains("AzureAd:Audience", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddApiAuthentication_AzureAdWithoutClientId_RefusesToStart()
    {
        var settings = Settings(("AzureAd:Instance", "https://login.microsoftonline.com/"), ("AzureAd:TenantId", "11111111-2222-3333-4444-555555555555"));

        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddApiAuthentication(settings, AuthenticationHarness.Environment("Production")));
    }

    private static (ServiceProvider Provider, JwtBearerOptions Options) AzureAdOptions(IConfiguration settings)
    {
        // Hosts register their configuration; Microsoft.Identity.Web reads it when options are built.
        var services = new ServiceCollection().AddLogging().AddSingleton(settings);
        services.AddApiAuthentication(settings, AuthenticationHarness.Environment("Production"));
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(ApiAuthentication.Scheme));
    }
}
