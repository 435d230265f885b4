using System.Net;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Identity;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Tools.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Organisations;

/// <summary>
/// Member lists and membership changes: who sees a list, grant and end (refused at once on the host
/// that ended it, within the cache lifetime on another), expiry, the Coordinator's own membership,
/// moves between organisations, bad input and audit. Members created here are not demo users: the
/// seed of a second host would grant demo users again.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class MembershipTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private readonly ShiftableClock _clock = new();

    protected override Task<TestHost> StartHostAsync() => TestHost.StartAsync(Azurite.ConnectionString, clock: _clock);

    [Fact]
    public async Task Members_CoordinatorAndOwnSocialWorkers_SeeIdsAndNames_OthersAreRefused()
    {
        var lena = DemoDirectory.Find("lena")!;

        foreach (var login in new[] { "marc", "lena" })
        {
            var list = await Call(HttpMethod.Get, "organisations/habitat-asbl/members", login);
            Assert.Equal(HttpStatusCode.OK, list.Status);
            var items = list.Json.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(
                DemoDirectory.Users.Where(u => u.OrganisationId == "habitat-asbl").Select(u => u.ObjectId).Order(),
                items.Select(i => i.GetProperty("oid").GetString()).Order());
            var item = items.Single(i => i.GetProperty("oid").GetString() == lena.ObjectId);
            Assert.Equal(lena.DisplayName, item.GetProperty("name").GetString());
            Assert.True(item.TryGetProperty("since", out _));
            Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("validUntil").ValueKind);
        }

        foreach (var login in new[] { "sophie", "thomas", "habitat-app", "karim", "dpo", "ops" })
        {
            ProblemAssertions.AssertProblem(await Call(HttpMethod.Get, "organisations/habitat-asbl/members", login), HttpStatusCode.Forbidden);
        }

        // Another organisation's list is refused before anything is read: the same for one that does not exist.
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Get, "organisations/nowhere/members", "sophie"), HttpStatusCode.Forbidden);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Get, "organisations/nowhere/members", "marc"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Get, "organisations/ixelles-cpas/members", "sophie")).Status);
    }

    [Fact]
    public async Task Members_Page()
    {
        var first = await Call(HttpMethod.Get, "organisations/ixelles-commune/members?limit=2", "marc");
        var next = first.Json.GetProperty("next").GetString();
        var second = await Call(HttpMethod.Get, $"organisations/ixelles-commune/members?limit=2&cursor={next}", "marc");

        var oids = first.Json.GetProperty("items").EnumerateArray().Concat(second.Json.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("oid").GetString());
        Assert.Equal(DemoDirectory.Users.Where(u => u.OrganisationId == "ixelles-commune").Select(u => u.ObjectId).Order(), oids.Order());
    }

    [Fact]
    public async Task GrantThenEnd_TheMembersNextRequestIsRefusedAtOnce_AndTheListForgetsThem()
    {
        var oid = Guid.NewGuid().ToString();
        var token = Host.Tokens.Issue(oid, "Nadia Claes", [AppRole.SocialWorker]);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(Host, token, "me")).Status);

        var granted = await Call(HttpMethod.Put, $"organisations/jette-cpas/members/{oid}", "marc", new { name = "Nadia Claes" });

        Assert.Equal(HttpStatusCode.Created, granted.Status);
        Assert.Equal(oid, granted.Field("oid"));
        Assert.Equal(HttpStatusCode.OK, (await Send(Host, token, "cases")).Status);
        Assert.Contains(oid, (await Call(HttpMethod.Get, "organisations/jette-cpas/members", "thomas")).Body, StringComparison.Ordinal);
        var again = await Call(HttpMethod.Put, $"organisations/jette-cpas/members/{oid}", "marc", new { });
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("Nadia Claes", again.Field("name"));
        Assert.Equal(granted.Field("since"), again.Field("since"));

        Assert.Equal(HttpStatusCode.NoContent, (await Call(HttpMethod.Delete, $"organisations/jette-cpas/members/{oid}", "marc")).Status);

        ProblemAssertions.AssertProblem(await Send(Host, token, "cases"), HttpStatusCode.Forbidden);
        Assert.DoesNotContain(oid, (await Call(HttpMethod.Get, "organisations/jette-cpas/members", "marc")).Body, StringComparison.Ordinal);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Delete, $"organisations/jette-cpas/members/{oid}", "marc"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task End_AnotherHost_RefusesWithinTheCacheLifetime()
    {
        var oid = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Put, $"organisations/habitat-asbl/members/{oid}", "marc", new { name = "Second Host" })).Status);
        var otherClock = new ShiftableClock();
        await using var other = await TestHost.StartAsync(Azurite.ConnectionString, seed: false, clock: otherClock, prefix: Host.TablePrefix, runTriggers: false);
        var otherToken = other.Tokens.Issue(oid, "Second Host", [AppRole.SocialWorker]);
        Assert.Equal(HttpStatusCode.OK, (await Send(other, otherToken, "cases")).Status); // now cached there

        Assert.Equal(HttpStatusCode.NoContent, (await Call(HttpMethod.Delete, $"organisations/habitat-asbl/members/{oid}", "marc")).Status);

        ProblemAssertions.AssertProblem(await Send(Host, Host.Tokens.Issue(oid, "Second Host", [AppRole.SocialWorker]), "cases"), HttpStatusCode.Forbidden);
        Assert.True(CachedMembershipReader.Lifetime <= TimeSpan.FromSeconds(30));
        otherClock.Offset = CachedMembershipReader.Lifetime;
        ProblemAssertions.AssertProblem(await Send(other, otherToken, "cases"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ValidUntil_Passed_TheMemberIsRefused()
    {
        var oid = Guid.NewGuid().ToString();
        var until = _clock.GetUtcNow().AddSeconds(10);
        var granted = await Call(HttpMethod.Put, $"organisations/habitat-asbl/members/{oid}", "marc", new { name = "Temp Worker", validUntil = until });
        Assert.Equal(HttpStatusCode.Created, granted.Status);
        var token = Host.Tokens.Issue(oid, "Temp Worker", [AppRole.SocialWorker]);
        Assert.Equal(HttpStatusCode.OK, (await Send(Host, token, "cases")).Status);

        // Still within the cache lifetime: the cached membership itself says it has ended.
        _clock.Offset = TimeSpan.FromSeconds(11);

        ProblemAssertions.AssertProblem(await Send(Host, token, "cases"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Coordinator_CannotChangeTheirOwnMembership()
    {
        var marc = DemoDirectory.Find("marc")!;

        ProblemAssertions.AssertProblem(await Call(HttpMethod.Put, $"organisations/habitat-asbl/members/{marc.ObjectId}", "marc", new { name = "Marc" }), HttpStatusCode.Forbidden);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Put, $"organisations/ixelles-commune/members/{marc.ObjectId}", "marc", new { validUntil = _clock.GetUtcNow().AddDays(400) }), HttpStatusCode.Forbidden);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Delete, $"organisations/ixelles-commune/members/{marc.ObjectId}", "marc"), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Get, "me", "marc")).Status);
        var membership = await Host.Services.GetRequiredService<MembershipRepository>().FindAsync(marc.ObjectId, CancellationToken.None);
        Assert.Equal(("ixelles-commune", (DateTimeOffset?)null), (membership!.OrganisationId, membership.ValidUntil));
    }

    [Fact]
    public async Task Grant_MemberOfAnotherOrganisation_Is409_UntilThatMembershipIsEnded()
    {
        var sophie = DemoDirectory.Find("sophie")!;

        var moved = await Call(HttpMethod.Put, $"organisations/jette-cpas/members/{sophie.ObjectId}", "marc", new { });

        var problem = ProblemAssertions.AssertProblem(moved, HttpStatusCode.Conflict);
        Assert.Equal("ixelles-cpas", problem.GetProperty("organisationId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Get, "organisations/ixelles-cpas/members", "sophie")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Call(HttpMethod.Delete, $"organisations/ixelles-cpas/members/{sophie.ObjectId}", "marc")).Status);
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Put, $"organisations/jette-cpas/members/{sophie.ObjectId}", "marc", new { })).Status);
        Assert.Equal("jette-cpas", (await Call(HttpMethod.Get, "me", "sophie")).Field("organisationId"));
    }

    [Theory]
    [InlineData("habitat-asbl", "ok-oid", """{ "validUntil": "2020-01-01T00:00:00Z" }""", "validUntil")]
    [InlineData("habitat-asbl", "ok-oid", """{ "validUntil": "tomorrow" }""", "validUntil")]
    [InlineData("habitat-asbl", "ok-oid", """{ "name": 12 }""", "name")]
    [InlineData("habitat-asbl", "ok-oid", """{ "role": "Coordinator" }""", "role")]
    [InlineData("habitat-asbl", "bad.oid", """{ }""", "oid")]
    public async Task Grant_BadInput_Is400NamingTheField(string organisation, string oid, string json, string field)
    {
        var problem = ProblemAssertions.AssertProblem(await Call(HttpMethod.Put, $"organisations/{organisation}/members/{oid}", "marc", json), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.DoesNotContain(oid, (await Call(HttpMethod.Get, $"organisations/{organisation}/members", "marc")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_UnknownOrganisation_Is404()
    {
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Put, $"organisations/nowhere/members/{Guid.NewGuid()}", "marc", new { }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Changes_AreAudited_ByIdNeverByName()
    {
        var oid = Guid.NewGuid().ToString();
        await Call(HttpMethod.Put, $"organisations/habitat-asbl/members/{oid}", "marc", new { name = "Audited Person" });
        await Call(HttpMethod.Delete, $"organisations/habitat-asbl/members/{oid}", "marc");

        var audit = await Call(HttpMethod.Get, $"audit?actorId={DemoDirectory.Find("marc")!.ObjectId}", "dpo");
        var actions = audit.Json.GetProperty("items").EnumerateArray().Select(i => (Action: i.GetProperty("action").GetString(), Resource: i.GetProperty("resource").GetString(), Outcome: i.GetProperty("outcome").GetString())).ToList();

        Assert.Contains(("membership.grant", $"organisations/habitat-asbl/members/{oid}", "allowed"), actions);
        Assert.Contains(("membership.end", $"organisations/habitat-asbl/members/{oid}", "allowed"), actions);
        Assert.DoesNotContain("Audited Person", audit.Body, StringComparison.Ordinal);
    }

    private static async Task<ApiCall> Send(TestHost host, string token, string path)
    {
        using var request = TestHost.Request(HttpMethod.Get, path, token);
        using var response = await host.Client.SendAsync(request);
        return new ApiCall(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }
}
