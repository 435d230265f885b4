using System.Security.Cryptography;
using InclusionCases.Functions.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace InclusionCases.InfraTests;

/// <summary>
/// Entra-shaped v2 access tokens through the AzureAd authentication the app builds from exactly the
/// settings the Bicep template deploys. Only the signing key is the test's own: the OpenID metadata
/// Microsoft.Identity.Web would download is replaced by a static one, so nothing leaves the machine.
/// </summary>
public sealed class AzureAdTokenValidationTests : IDisposable
{
    private const string TenantId = "72f988bf-0000-4a1b-9c2d-3e4f5a6b7c8d";
    private const string ClientId = "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e";
    private const string ObjectId = "8d1f6a52-0001-4c3e-9a6e-5f1b2c3d4e01";
    private static readonly string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ServiceProvider _services;

    public AzureAdTokenValidationTests()
    {
        var deployment = new Dictionary<string, string> { ["apiClientId"] = ClientId, ["tenantId"] = TenantId };
        // The identity settings the template writes, as the Functions host reads app settings ("__" = ":").
        var settings = MainTemplate.AppSettings().Select(s => s.Key).Where(k => k.StartsWith("Auth__", StringComparison.Ordinal) || k.StartsWith("AzureAd__", StringComparison.Ordinal))
            .ToDictionary(k => k.Replace("__", ":", StringComparison.Ordinal), k => (string?)MainTemplate.Evaluate(k, deployment));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddApiAuthentication(configuration, new HostingEnvironment { EnvironmentName = "Production", ApplicationName = "InclusionCases.InfraTests", ContentRootPath = AppContext.BaseDirectory });
        services.PostConfigure<JwtBearerOptions>(ApiAuthentication.Scheme, options =>
        {
            var metadata = new OpenIdConnectConfiguration { Issuer = Issuer };
            metadata.SigningKeys.Add(SigningKey);
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata);
        });
        // Microsoft.Identity.Web's issuer validator looks an issuer it was not given up in the tenant's
        // OpenID metadata: served here as Entra serves it for a single tenant, without the network.
        services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => new TenantMetadataHandler()));
        _services = services.BuildServiceProvider();
    }

    private RsaSecurityKey SigningKey => new(_rsa) { KeyId = "entra-test-key" };

    [Fact]
    public void Settings_FromTheTemplate_NameTheTenantAndClientButNoAudience()
    {
        Assert.Equal(ClientId, MainTemplate.Evaluate("AzureAd__ClientId", new Dictionary<string, string> { ["apiClientId"] = ClientId, ["tenantId"] = TenantId }));
        Assert.False(MainTemplate.AppSettings().ContainsKey("AzureAd__Audience"), "The audiences follow from the client id; a separate setting could name a third one.");
    }

    [Theory]
    [InlineData(ClientId)]
    [InlineData("api://" + ClientId)]
    public async Task Authenticate_V2TokenForThisApi_Succeeds(string audience)
    {
        var result = await AuthenticateAsync(Token(audience, Issuer));

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(ObjectId, result.Principal!.FindFirst("oid")?.Value);
        Assert.Equal("SocialWorker", result.Principal.FindFirst("roles")?.Value);
    }

    [Theory]
    [InlineData("api://inclusioncases")]
    [InlineData("c0ffee00-f5a6-4b7c-8d9e-0f1a2b3c4d5e")]
    [InlineData("https://graph.microsoft.com")]
    [InlineData("api://" + ClientId + "/")]
    [InlineData("api://api://" + ClientId)]
    public async Task Authenticate_TokenForAnotherAudience_IsRefused(string audience)
    {
        var result = await AuthenticateAsync(Token(audience, Issuer));

        Assert.False(result.Succeeded);
        Assert.IsType<SecurityTokenInvalidAudienceException>(result.Failure);
    }

    [Fact]
    public async Task Authenticate_TokenOfAnotherTenant_IsRefused()
    {
        const string otherTenant = "0badbeef-0000-4a1b-9c2d-3e4f5a6b7c8d";

        var result = await AuthenticateAsync(Token(ClientId, $"https://login.microsoftonline.com/{otherTenant}/v2.0", otherTenant));

        Assert.False(result.Succeeded);
        Assert.IsType<SecurityTokenInvalidIssuerException>(result.Failure);
    }

    [Fact]
    public async Task Authenticate_TokenSignedWithAnotherKey_IsRefused()
    {
        using var other = RSA.Create(2048);

        var result = await AuthenticateAsync(Token(ClientId, Issuer, key: new RsaSecurityKey(other) { KeyId = "entra-test-key" }));

        Assert.False(result.Succeeded);
    }

    public void Dispose()
    {
        _services.Dispose();
        _rsa.Dispose();
    }

    private string Token(string audience, string issuer, string tenantId = TenantId, SecurityKey? key = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object>
            {
                ["ver"] = "2.0",
                ["tid"] = tenantId,
                ["oid"] = ObjectId,
                ["sub"] = ObjectId,
                ["azp"] = "2c6a8e4f-1b3d-4a5c-8e7f-9d0b1a2c3e4d",
                ["azpacr"] = "1",
                ["name"] = "Sophie Lambert",
                ["roles"] = new[] { "SocialWorker" },
            },
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private sealed class TenantMetadataHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!.ToString();
            if (!url.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal))
            {
                throw new HttpRequestException($"No network in this test ({url}).");
            }

            var issuer = url.Contains("/v2.0/", StringComparison.Ordinal) ? Issuer : $"https://sts.windows.net/{TenantId}/";
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent($"{{\"issuer\":\"{issuer}\"}}", System.Text.Encoding.UTF8, "application/json") });
        }
    }

    private async Task<AuthenticateResult> AuthenticateAsync(string token)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.Headers.Authorization = "Bearer " + token;
        return await context.AuthenticateAsync(ApiAuthentication.Scheme);
    }
}
