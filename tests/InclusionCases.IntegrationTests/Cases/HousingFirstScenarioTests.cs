using System.Net;
using System.Text.Json;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Cases;

/// <summary>The Housing First scenario of the cases issue, end to end over HTTP through the local host.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class HousingFirstScenarioTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    [Fact]
    public async Task Scenario_OpenConsentReferAcceptNoteHouse_TimelineShowsItAllInOrder()
    {
        // sophie (CPAS Ixelles) opens a Housing First case.
        var (caseId, personId, etag) = await CaseScenario.OpenCaseAsync(Host, displayName: "Marie Claes");
        var read = await Call(HttpMethod.Get, $"cases/{caseId}", "sophie");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("intake", read.Field("status"));
        Assert.Equal("ixelles-cpas", read.Field("leadOrganisationId"));
        Assert.Equal("diabetes", read.Json.GetProperty("person").GetProperty("sensitive").GetProperty("health").GetString());
        Assert.Equal(etag, read.ETag);

        // She records consent for habitat-asbl and refers the case.
        await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl"]);
        var referralId = await CaseScenario.ReferAsync(Host, caseId, "habitat-asbl");

        // lena (habitat-asbl) sees the referral among her incoming ones, accepts, adds a shared note.
        var incoming = await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "referrals?direction=incoming", "lena"),
            r => r.Json.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetString() == referralId),
            TimeSpan.FromSeconds(30),
            "the referral in lena's incoming list");
        Assert.Equal("pending", incoming.Json.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"referrals/{referralId}/accept", "lena")).Status);
        var lenaRead = await Call(HttpMethod.Get, $"cases/{caseId}", "lena");
        Assert.Equal(HttpStatusCode.OK, lenaRead.Status);
        Assert.False(lenaRead.Json.GetProperty("person").TryGetProperty("sensitive", out _), "lena's consent has no sensitive scope");
        var note = await Call(HttpMethod.Post, $"cases/{caseId}/notes", "lena", new { text = "First visit done; keys handed over next week.", visibility = "shared" });
        Assert.Equal(HttpStatusCode.Created, note.Status);

        // thomas (CPAS Jette) may not learn the case exists.
        var thomas = await Call(HttpMethod.Get, $"cases/{caseId}", "thomas");
        Assert.Equal(HttpStatusCode.NotFound, thomas.Status);
        Assert.DoesNotContain("Marie", thomas.Body, StringComparison.Ordinal);

        // sophie moves the case on to housed with a move-in date.
        var current = await Call(HttpMethod.Get, $"cases/{caseId}", "sophie");
        var active = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "active" }, current.ETag);
        Assert.Equal(HttpStatusCode.OK, active.Status);
        var housed = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { status = "housed", housing = new { moveInDate = "2026-11-20", tenancyStatus = "sustained" } }, active.ETag);
        Assert.Equal(HttpStatusCode.OK, housed.Status);
        Assert.Equal("housed", housed.Field("status"));
        Assert.Equal("2026-11-20", housed.Json.GetProperty("housing").GetProperty("moveInDate").GetString());

        // The timeline shows it all, newest first.
        var timeline = await Call(HttpMethod.Get, $"cases/{caseId}/timeline", "sophie");
        Assert.Equal(HttpStatusCode.OK, timeline.Status);
        var kinds = timeline.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["updated", "statusChanged", "statusChanged", "note", "referralAccepted", "referralCreated", "consentRecorded", "created"], kinds);
        Assert.Equal(JsonValueKind.Null, timeline.Json.GetProperty("next").ValueKind);

        // And the case list of each organisation follows once the projector has run.
        await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "cases?status=housed", "lena"),
            r => r.Json.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetString() == caseId),
            TimeSpan.FromSeconds(30),
            "the housed case in habitat-asbl's list");
        var thomasList = await Call(HttpMethod.Get, "cases", "thomas");
        Assert.DoesNotContain(caseId, thomasList.Body, StringComparison.Ordinal);
    }

}
