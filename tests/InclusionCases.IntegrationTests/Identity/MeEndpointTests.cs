using System.Net;
using System.Net.Http.Json;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Identity;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Tools.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Identity;

/// <summary><c>GET /api/me</c> and <c>GET /api/health</c> over real HTTP through the local host, against Azurite.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class MeEndpointTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    [Fact]
    public async Task Health_StorageReachable_Answers200Ok()
    {
        var response = await Host.Client.GetAsync(new Uri("health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Content.ReadFromJsonAsync<HealthBody>())?.Status);
    }

    [Theory]
    [InlineData("sophie", "ixelles-cpas", "SocialWorker")]
    [InlineData("thomas", "jette-cpas", "SocialWorker")]
    [InlineData("lena", "habitat-asbl", "SocialWorker")]
    [InlineData("karim", "ixelles-commune", "Mediator")]
    [InlineData("marc", "ixelles-commune", "Coordinator")]
    [InlineData("dpo", "ixelles-commune", "Auditor")]
    [InlineData("ops", "ixelles-commune", "Operator")]
    [InlineData("habitat-app", "habitat-asbl", "Partner")]
    public async Task Me_SeededUser_AnswersOrganisationFromMembershipAndRole(string login, string organisationId, string role)
    {
        using var request = TestHost.Request(HttpMethod.Get, "me", Host.TokenFor(login));

        var response = await Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<MeBody>();
        Assert.Equal(DemoDirectory.Find(login)!.ObjectId, me?.Id);
        Assert.Equal(organisationId, me?.OrganisationId);
        Assert.Equal([role], me?.Roles ?? []);
        Assert.False(string.IsNullOrWhiteSpace(me?.Name));
    }

    [Fact]
    public async Task Me_WithoutToken_Answers401WithBearerChallenge()
    {
        var response = await Host.Client.GetAsync(new Uri("me", UriKind.Relative));

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Me_TamperedToken_Answers401InvalidToken()
    {
        var parts = Host.TokenFor("sophie").Split('.');
        var elevated = Host.TokenFor("dpo").Split('.')[1];
        using var request = TestHost.Request(HttpMethod.Get, "me", $"{parts[0]}.{elevated}.{parts[2]}");

        var response = await Host.Client.SendAsync(request);

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("invalid_token", challenge.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_ExpiredToken_Answers401()
    {
        var sophie = DemoDirectory.Find("sophie")!;
        var token = Host.Tokens.Issue(sophie.ObjectId, sophie.DisplayName, [sophie.Role], DateTimeOffset.UtcNow.AddDays(-1), TimeSpan.FromHours(1));
        using var request = TestHost.Request(HttpMethod.Get, "me", token);

        var response = await Host.Client.SendAsync(request);

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_ValidTokenOfUserWithoutMembership_Answers403()
    {
        var token = Host.Tokens.Issue(Guid.NewGuid().ToString(), "Stranger", [AppRole.SocialWorker]);
        using var request = TestHost.Request(HttpMethod.Get, "me", token);

        var response = await Host.Client.SendAsync(request);

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Seed_RunTwice_LeavesOneMembershipPerDemoUser()
    {
        await ActivatorUtilities.CreateInstance<DemoDataSeeder>(Host.Services).SeedAsync(CancellationToken.None);
        var memberships = Host.Services.GetRequiredService<MembershipRepository>();
        var organisations = Host.Services.GetRequiredService<OrganisationRepository>();

        foreach (var user in DemoDirectory.Users)
        {
            Assert.Equal(user.Membership, (await memberships.FindAsync(user.ObjectId, CancellationToken.None))! with { Since = null });
        }

        foreach (var organisation in DemoDirectory.Organisations)
        {
            Assert.Equal(organisation, await organisations.FindAsync(organisation.Id, CancellationToken.None));
        }
    }

    private sealed record HealthBody(string Status);

    private sealed record MeBody(string Id, string Name, string OrganisationId, string[] Roles);
}
