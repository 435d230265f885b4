using System.Net;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Cases;

/// <summary>Consent is the ground for sharing: revoked or expired, the participant's access ends at once.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ConsentAccessTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private readonly ShiftableClock _clock = new();
    protected override Task<TestHost> StartHostAsync() => TestHost.StartAsync(Azurite.ConnectionString, clock: _clock);

    [Fact]
    public async Task RevokedConsent_ParticipantsNextRead_Is404()
    {
        var shared = await CaseScenario.SharedWithHabitatAsync(Host);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "lena")).Status);

        var revoked = await Call(HttpMethod.Delete, $"persons/{shared.PersonId}/consents/{shared.ConsentId}", "sophie");

        Assert.Equal(HttpStatusCode.NoContent, revoked.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "lena")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "habitat-app")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"cases/{shared.CaseId}/timeline", "lena")).Status);
        Assert.DoesNotContain(shared.CaseId, (await Call(HttpMethod.Get, "cases", "lena")).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "sophie")).Status);
        // Revoking again changes nothing and still answers 204.
        Assert.Equal(HttpStatusCode.NoContent, (await Call(HttpMethod.Delete, $"persons/{shared.PersonId}/consents/{shared.ConsentId}", "sophie")).Status);
    }

    [Fact]
    public async Task ExpiredConsent_ParticipantsNextRead_Is404()
    {
        var shared = await CaseScenario.SharedWithHabitatAsync(Host);
        var projected = await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "cases", "lena"), r => r.Body.Contains(shared.CaseId, StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the case in lena's list");
        Assert.Equal(HttpStatusCode.OK, projected.Status);

        _clock.Offset = TimeSpan.FromDays(367 + 1); // past the consent's expiry (one year ahead)
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "lena")).Status);
            // The index still lists it for habitat-asbl (expiry is no event), but the list checks consent at read time.
            Assert.DoesNotContain(shared.CaseId, (await Call(HttpMethod.Get, "cases", "lena")).Body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "sophie")).Status);
        }
        finally
        {
            _clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Referral_WithoutConsentForTarget_Is409ConsentRequired()
    {
        var (caseId, _, _) = await CaseScenario.OpenCaseAsync(Host);

        var referral = await Call(HttpMethod.Post, $"cases/{caseId}/referrals", "sophie", new { toOrganisationId = "habitat-asbl", reason = "Housing First team" });

        var problem = ProblemAssertions.AssertProblem(referral, HttpStatusCode.Conflict);
        Assert.EndsWith("/consent-required", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SensitiveScope_GivesParticipantSocialWorkersTheSensitiveFields_NeverPartnerSystems()
    {
        var shared = await CaseScenario.SharedWithHabitatAsync(Host, sensitive: true);

        var lena = await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "lena");
        var app = await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "habitat-app");

        var sensitive = lena.Json.GetProperty("person").GetProperty("sensitive");
        Assert.Equal(("diabetes", "yes", "noValidPermit"), (sensitive.GetProperty("health").GetString(), sensitive.GetProperty("disabilityStatus").GetString(), sensitive.GetProperty("residenceStatus").GetString()));
        Assert.False(app.Json.GetProperty("person").TryGetProperty("sensitive", out _));
        Assert.DoesNotContain("diabetes", app.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("noValidPermit", app.Body, StringComparison.Ordinal);
        var withoutScope = await CaseScenario.SharedWithHabitatAsync(Host);
        Assert.DoesNotContain("noValidPermit", (await Call(HttpMethod.Get, $"cases/{withoutScope.CaseId}", "lena")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationNote_IsSeenOnlyByTheAuthorsOrganisation()
    {
        var shared = await CaseScenario.SharedWithHabitatAsync(Host);
        var note = await Call(HttpMethod.Post, $"cases/{shared.CaseId}/notes", "sophie", new { text = "Internal: rent arrears discussed", visibility = "organisation" });
        Assert.Equal(HttpStatusCode.Created, note.Status);

        var sophie = await Call(HttpMethod.Get, $"cases/{shared.CaseId}/timeline", "sophie");
        var lena = await Call(HttpMethod.Get, $"cases/{shared.CaseId}/timeline", "lena");

        Assert.Contains("rent arrears", sophie.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("rent arrears", lena.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await Call(HttpMethod.Post, $"cases/{shared.CaseId}/notes", "habitat-app", new { text = "x", visibility = "organisation" })).Status);
    }

}
