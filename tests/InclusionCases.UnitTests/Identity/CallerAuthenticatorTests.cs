using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Identity;

namespace InclusionCases.UnitTests.Identity;

/// <summary>Token validation in Development mode through the same JwtBearer handler and checks the API uses.</summary>
public sealed class CallerAuthenticatorTests
{
    private const string SophieId = "8d1f6a52-0001-4c3e-9a6e-5f1b2c3d4e01";
    private readonly AuthenticationHarness _harness = new(new Membership(SophieId, "ixelles-cpas", "Sophie Lambert"));

    [Fact]
    public async Task Authenticate_ValidToken_ResolvesCallerWithMembershipOrganisation()
    {
        var token = _harness.Issuer.Issue(SophieId, "Sophie Lambert", [AppRole.SocialWorker]);

        var result = await _harness.AuthenticateAsync("Bearer " + token);

        Assert.NotNull(result.Caller);
        Assert.Equal(SophieId, result.Caller.Id);
        Assert.Equal("ixelles-cpas", result.Caller.OrganisationId);
        Assert.Equal([AppRole.SocialWorker], result.Caller.Roles);
    }

    [Fact]
    public async Task Authenticate_NoAuthorizationHeader_IsUnauthenticatedWithoutTokenPresented()
    {
        var result = await _harness.AuthenticateAsync(null);

        Assert.NotNull(result.Unauthenticated?.English());
        Assert.False(result.TokenPresented);
    }

    [Fact]
    public async Task Authenticate_NonBearerScheme_IsUnauthenticated()
    {
        var result = await _harness.AuthenticateAsync("Basic c29waGllOnNlY3JldA==");

        Assert.Contains("bearer", result.Unauthenticated?.English(), StringComparison.OrdinalIgnoreCase);
        Assert.True(result.TokenPresented);
    }

    [Fact]
    public async Task Authenticate_ExpiredToken_IsUnauthenticated()
    {
        var token = _harness.Issuer.Issue(SophieId, "Sophie", [AppRole.SocialWorker], DateTimeOffset.UtcNow.AddHours(-3), TimeSpan.FromHours(1));

        var result = await _harness.AuthenticateAsync("Bearer " + token);

        Assert.Null(result.Caller);
        Assert.Equal("The bearer token has expired.", result.Unauthenticated?.English());
    }

    [Fact]
    public async Task Authenticate_WrongAudience_IsUnauthenticated()
    {
        var token = _harness.Issuer.Issue(SophieId, "Sophie", [AppRole.SocialWorker], audience: "api://some-other-api");

        var result = await _harness.AuthenticateAsync("Bearer " + token);

        Assert.Equal("The bearer token was issued for another audience.", result.Unauthenticated?.English());
    }

    [Fact]
    public async Task Authenticate_TamperedPayload_IsUnauthenticated()
    {
        var parts = _harness.Issuer.Issue(SophieId, "Sophie", [AppRole.SocialWorker]).Split('.');
        // Swap the payload for one claiming another role; the signature no longer matches.
        var forged = _harness.Issuer.Issue(SophieId, "Sophie", [AppRole.Auditor]).Split('.')[1];

        var result = await _harness.AuthenticateAsync($"Bearer {parts[0]}.{forged}.{parts[2]}");

        Assert.Null(result.Caller);
        Assert.Equal("The bearer token's signature is not valid.", result.Unauthenticated?.English());
    }

    [Fact]
    public async Task Authenticate_TokenSignedWithAnotherKey_IsUnauthenticated()
    {
        var stranger = new AuthenticationHarness();
        var token = stranger.Issuer.Issue(SophieId, "Sophie", [AppRole.SocialWorker]);

        var result = await _harness.AuthenticateAsync("Bearer " + token);

        Assert.Null(result.Caller);
        Assert.NotNull(result.Unauthenticated?.English());
    }

    [Fact]
    public async Task Authenticate_GarbageToken_IsUnauthenticated()
    {
        var result = await _harness.AuthenticateAsync("Bearer not-a-jwt");

        Assert.Equal("The bearer token is not valid.", result.Unauthenticated?.English());
    }

    [Fact]
    public async Task Authenticate_ValidTokenWithoutMembership_IsForbidden()
    {
        var token = _harness.Issuer.Issue("00000000-0000-0000-0000-00000000beef", "Nobody", [AppRole.SocialWorker]);

        var result = await _harness.AuthenticateAsync("Bearer " + token);

        Assert.Null(result.Unauthenticated?.English());
        Assert.NotNull(result.Forbidden);
    }

    [Fact]
    public async Task Authenticate_AppOnlyToken_IsResolvedWithoutName()
    {
        var harness = new AuthenticationHarness(new Membership("app-1", "habitat-asbl", "Habitat asbl (system)"));
        var token = harness.Issuer.Issue("app-1", name: null, [AppRole.Partner]);

        var result = await harness.AuthenticateAsync("Bearer " + token);

        Assert.Equal("Habitat asbl (system)", result.Caller?.Name);
        Assert.Equal([AppRole.Partner], result.Caller?.Roles);
    }

    [Fact]
    public async Task Authenticate_AudienceAsApplicationIdUri_IsAccepted()
    {
        var token = _harness.Issuer.Issue(SophieId, "Sophie", [AppRole.SocialWorker], audience: "api://" + AuthenticationHarness.Audience);

        var result = await _harness.AuthenticateAsync("Bearer " + token);

        Assert.Equal(SophieId, result.Caller?.Id);
    }

    [Theory]
    [InlineData("api://" + AuthenticationHarness.Audience + "/")]
    [InlineData(AuthenticationHarness.Audience + "/")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task Authenticate_AudienceCloseToTheApis_IsUnauthenticated(string audience)
    {
        var token = _harness.Issuer.Issue(SophieId, "Sophie", [AppRole.SocialWorker], audience: audience);

        var result = await _harness.AuthenticateAsync("Bearer " + token);

        Assert.Equal("The bearer token was issued for another audience.", result.Unauthenticated?.English());
    }

    [Fact]
    public void Issue_UserAndAppTokens_HaveTheShapeOfEntraV2AccessTokens()
    {
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var user = handler.ReadJsonWebToken(_harness.Issuer.Issue(SophieId, "Sophie", [AppRole.SocialWorker]));
        var app = handler.ReadJsonWebToken(_harness.Issuer.Issue("app-1", name: null, [AppRole.Partner]));

        Assert.True(Guid.TryParse(user.Audiences.Single(), out _), "aud is the API's client id GUID");
        Assert.Equal("2.0", user.GetClaim("ver").Value);
        Assert.True(Guid.TryParse(user.GetClaim("tid").Value, out _));
        Assert.Equal($"https://login.microsoftonline.com/{user.GetClaim("tid").Value}/v2.0", user.Issuer);
        Assert.Equal(SophieId, user.GetClaim("oid").Value);
        Assert.Equal("Sophie", user.GetClaim("name").Value);
        Assert.False(user.TryGetClaim("idtyp", out _));
        Assert.Equal("app", app.GetClaim("idtyp").Value);
        Assert.False(app.TryGetClaim("name", out _));
        Assert.Equal(["Partner"], app.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
    }
}
