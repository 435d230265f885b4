using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Contacts;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Access;

/// <summary>The trust rules, each shown on the attack that broke it: a participant never acts on the person, and nobody learns more than consent grants.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class TrustRulesTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    [Fact]
    public async Task Participant_CannotOpenACaseForThePerson_NorTouchConsentsOrPersonFields()
    {
        var shared = await CaseScenario.SharedWithHabitatAsync(Host);
        var etag = (await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "lena")).ETag;

        var attempts = new (HttpMethod Method, string Path, object? Body, string? IfMatch)[]
        {
            (HttpMethod.Post, "cases", new { type = "housingFirst", personId = shared.PersonId }, null),
            (HttpMethod.Post, $"persons/{shared.PersonId}/consents", new { organisationIds = new[] { "jette-cpas" }, scope = new[] { "case", "sensitive" }, expiresOn = CaseScenario.NextYear, evidence = "Form" }, null),
            (HttpMethod.Delete, $"persons/{shared.PersonId}/consents/{shared.ConsentId}", null, null),
            (HttpMethod.Patch, $"cases/{shared.CaseId}", new { person = new { displayName = "Taken Over" } }, etag),
            (HttpMethod.Patch, $"cases/{shared.CaseId}", new { person = new { sensitive = new { health = "rewritten" } } }, etag),
            (HttpMethod.Post, $"cases/{shared.CaseId}/referrals", new { toOrganisationId = "jette-cpas", reason = "Pass it on" }, null),
        };
        foreach (var (method, path, body, ifMatch) in attempts)
        {
            var call = await Call(method, path, "lena", body, ifMatch);
            Assert.True(call.Status == HttpStatusCode.Forbidden, $"{method} {path}: {(int)call.Status} {call.Body}");
        }

        var read = await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "sophie");
        Assert.Equal("Jean Dupont", read.Json.GetProperty("person").GetProperty("displayName").GetString());
        Assert.Equal("diabetes", read.Json.GetProperty("person").GetProperty("sensitive").GetProperty("health").GetString());
        Assert.False((await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "lena")).Json.GetProperty("person").TryGetProperty("sensitive", out var s) && s.ValueKind == JsonValueKind.Object);

        // The lead revokes: the participant's sight ends at once, and it kept nothing to come back through.
        Assert.Equal(HttpStatusCode.NoContent, (await Call(HttpMethod.Delete, $"persons/{shared.PersonId}/consents/{shared.ConsentId}", "sophie")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "lena")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Post, "cases", "lena", new { type = "housingFirst", personId = shared.PersonId })).Status);
    }

    [Fact]
    public async Task ConsentEvent_ShowsOnlyOnTheRecordingOrganisationsCases()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        // A second holder, as v1 could make one (a case led by jette-cpas for the same person), written straight to storage.
        var jetteCaseId = personId + "-cjettejett2";
        var now = DateTimeOffset.UtcNow;
        await new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.Cases).AddEntityAsync(new TableEntity(personId, CaseRows.Case(jetteCaseId))
        {
            ["CaseId"] = jetteCaseId, ["Type"] = "Homelessness", ["Status"] = "Intake", ["LeadOrganisationId"] = "jette-cpas", ["Participants"] = "[]",
            ["CreatedAt"] = now, ["UpdatedAt"] = now, ["Version"] = 1L,
        });

        var consentId = await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl"]);

        Assert.Contains(consentId, (await Call(HttpMethod.Get, $"cases/{caseId}/timeline", "sophie")).Body, StringComparison.Ordinal);
        var jetteTimeline = await Call(HttpMethod.Get, $"cases/{jetteCaseId}/timeline", "thomas");
        Assert.Equal(HttpStatusCode.OK, jetteTimeline.Status);
        Assert.DoesNotContain(consentId, jetteTimeline.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("ixelles-cpas", jetteTimeline.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferralLists_AndAnswers_OnlyWhileTheReferredOrganisationMaySeeThem()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        var consentId = await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl", "jette-cpas"]);
        var toHabitat = await CaseScenario.ReferAsync(Host, caseId, "habitat-asbl");
        var toJette = await ApiCall.SendAsync(Host, HttpMethod.Post, $"cases/{caseId}/referrals", "sophie", new { toOrganisationId = "jette-cpas", reason = "Secret reason about the person" });
        await Host.WaitForProjectionAsync(personId); // the lists are read from the referral index
        Assert.Contains(toHabitat, (await Call(HttpMethod.Get, "referrals?direction=incoming", "lena")).Body, StringComparison.Ordinal);

        // Declined: jette-cpas takes no part, so the referral (and its reason) leaves its list.
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"referrals/{toJette.Field("id")}/decline", "thomas")).Status);
        Assert.DoesNotContain("Secret reason", (await Call(HttpMethod.Get, "referrals?direction=incoming", "thomas")).Body, StringComparison.Ordinal);

        // Consent revoked: the pending referral is gone from habitat-asbl's list, and answering it is a 404 like an unknown id.
        Assert.Equal(HttpStatusCode.NoContent, (await Call(HttpMethod.Delete, $"persons/{personId}/consents/{consentId}", "sophie")).Status);
        Assert.DoesNotContain(toHabitat, (await Call(HttpMethod.Get, "referrals?direction=incoming", "lena")).Body, StringComparison.Ordinal);
        var accept = await Call(HttpMethod.Post, $"referrals/{toHabitat}/accept", "lena");
        var unknown = await Call(HttpMethod.Post, $"referrals/{toHabitat[..^1]}{(toHabitat[^1] == 'a' ? 'b' : 'a')}/accept", "lena");
        Assert.Equal(HttpStatusCode.NotFound, accept.Status);
        Assert.Equal(unknown.Status, accept.Status);
        Assert.Equal(unknown.Field("detail"), accept.Field("detail"));
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Post, $"referrals/{toHabitat}/decline", "lena")).Status);
        Assert.Contains(toHabitat, (await Call(HttpMethod.Get, "referrals?direction=outgoing", "sophie")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeclineAfterErasure_Is410()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl"]);
        var referralId = await CaseScenario.ReferAsync(Host, caseId, "habitat-asbl");
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"persons/{personId}/erase", "dpo")).Status);

        var decline = await Call(HttpMethod.Post, $"referrals/{referralId}/decline", "lena");

        Assert.Equal(HttpStatusCode.Gone, decline.Status);
        Assert.DoesNotContain("referralDeclined", (await Call(HttpMethod.Get, $"cases/{caseId}/timeline", "sophie")).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"HousingFirst\",\"person\":{\"displayName\":\"A\"}}", "type")]
    [InlineData("{\"type\":\"housingFirst\",\"person\":{\"displayName\":\"A\",\"gender\":\"Female\"}}", "person.gender")]
    public async Task EnumValueInAnotherCase_Is400NamingTheField(string body, string field)
    {
        var call = await Call(HttpMethod.Post, "cases", "sophie", body);

        Assert.Equal(HttpStatusCode.BadRequest, call.Status);
        Assert.True(call.Json.GetProperty("errors").TryGetProperty(field, out _), call.Body);
    }

    [Fact]
    public async Task BodyOnARouteThatTakesNone_Is400_AndNothingIsErased()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);

        var erase = await Call(HttpMethod.Post, $"persons/{personId}/erase", "dpo", new { x = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, erase.Status);
        Assert.Equal("Jean Dupont", (await Call(HttpMethod.Get, $"cases/{caseId}", "sophie")).Json.GetProperty("person").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task BatchItemWithARepeatedKey_RejectsThatIndexOnly()
    {
        var good = JsonSerializer.Serialize(ContactScenario.Contact());
        var repeated = JsonSerializer.Serialize(ContactScenario.Contact()).Replace("\"zone\":\"Flagey\"", "\"zone\":\"Flagey\",\"zone\":\"Matonge\"", StringComparison.Ordinal);

        var batch = await Call(HttpMethod.Post, "contacts/batch", "karim", $"{{\"contacts\":[{good},{repeated}]}}");

        Assert.Equal(HttpStatusCode.Accepted, batch.Status);
        Assert.Equal(1, batch.Json.GetProperty("accepted").GetInt32());
        Assert.Equal(1, batch.Json.GetProperty("rejected")[0].GetProperty("index").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await Call(HttpMethod.Post, "contacts/batch", "karim", $"{{\"contacts\":[{good}],\"contacts\":[]}}")).Status);
    }
}
