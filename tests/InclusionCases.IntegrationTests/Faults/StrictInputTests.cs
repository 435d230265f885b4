using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Faults;

/// <summary>
/// The strict-input rules over real HTTP: case-variant and repeated keys, numbers as strings, times
/// without an offset, ids with something after them, dates at the edges of the calendar. Each is a
/// 4xx (a 400 naming the field where a field is to blame), never a 5xx, and changes nothing.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class StrictInputTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    // Today as the API counts days (Brussels), so the test holds late in the UTC evening too.
    private static readonly string Today = Domain.Time.PlausibleDates.Today(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task HazardousBodies_Are400NamingTheField_AndWriteNothing()
    {
        var (caseId, personId, etag) = await CaseScenario.OpenCaseAsync(Host);
        var beforeOpening = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var observedAt = DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        string Contact(string fields) => "{\"id\": \"" + Guid.NewGuid() + "\", \"needs\": [], \"servicesOffered\": [], " + fields + "}";
        (string Login, HttpMethod Method, string Path, string Body, string Field)[] hazards =
        [
            ("sophie", HttpMethod.Post, "cases", """{"type": "housingFirst", "Person": {"displayName": "A"}}""", "Person"),
            ("sophie", HttpMethod.Post, "cases", """{"Type": "housingFirst", "person": {"displayName": "A"}}""", "Type"),
            ("sophie", HttpMethod.Post, "cases", """{"type": "housingFirst", "person": {"DisplayName": "A"}}""", "person.DisplayName"),
            ("sophie", HttpMethod.Post, "cases", """{"type": "housingFirst", "type": "homelessness", "person": {"displayName": "A"}}""", "type"),
            ("sophie", HttpMethod.Post, "cases", """{"type": "housingFirst", "person": {"displayName": "A", "birthYear": "1980"}}""", "person.birthYear"),
            ("sophie", HttpMethod.Post, "cases", """{"type": "housingFirst", "person": {"displayName": "A\nB"}}""", "person.displayName"),
            ("sophie", HttpMethod.Post, "cases", "{\"type\": \"housingFirst\", \"personId\": \"" + personId + "\\n\"}", "personId"),
            ("sophie", HttpMethod.Post, "cases", "{\"type\": \"housingFirst\", \"personId\": \"" + personId + " \"}", "personId"),
            ("sophie", HttpMethod.Patch, $"cases/{caseId}", """{"Status": "active"}""", "Status"),
            ("sophie", HttpMethod.Patch, $"cases/{caseId}", """{"Person": {"displayName": "X"}}""", "Person"),
            ("sophie", HttpMethod.Patch, $"cases/{caseId}", """{"person": {"DisplayName": "X"}}""", "person.DisplayName"),
            ("sophie", HttpMethod.Patch, $"cases/{caseId}", """{"status": "active", "status": "closed"}""", "status"),
            ("sophie", HttpMethod.Patch, $"cases/{caseId}", """{"person": {"birthYear": "1980"}}""", "person.birthYear"),
            ("sophie", HttpMethod.Patch, $"cases/{caseId}", """{"housing": {"moveInDate": "2026-11-25T00:00:00Z"}}""", "housing.moveInDate"),
            ("sophie", HttpMethod.Patch, $"cases/{caseId}", """{"status": "active", "housing": {"moveInDate": "0001-01-01"}}""", "housing.moveInDate"),
            ("sophie", HttpMethod.Patch, $"cases/{caseId}", """{"status": "active", "housing": {"moveInDate": "9999-12-31"}}""", "housing.moveInDate"),
            ("sophie", HttpMethod.Patch, $"cases/{caseId}", """{"status": "closed", "closure": {"reason": "housed", "date": "0001-01-01"}}""", "closure.date"),
            ("sophie", HttpMethod.Patch, $"cases/{caseId}", """{"status": "closed", "closure": {"reason": "housed", "date": "9999-12-31"}}""", "closure.date"),
            ("sophie", HttpMethod.Patch, $"cases/{caseId}", "{\"status\": \"closed\", \"closure\": {\"reason\": \"housed\", \"date\": \"" + beforeOpening + "\"}}", "closure.date"),
            ("sophie", HttpMethod.Post, $"cases/{caseId}/notes", """{"text": "a", "Visibility": "shared"}""", "Visibility"),
            ("sophie", HttpMethod.Post, $"cases/{caseId}/notes", """{"text": "a", "text": "b", "visibility": "shared"}""", "text"),
            ("sophie", HttpMethod.Post, $"cases/{caseId}/notes", """{"text": "bell \u0007", "visibility": "shared"}""", "text"),
            ("sophie", HttpMethod.Post, $"cases/{caseId}/notes", """{"text": "lone \r return", "visibility": "shared"}""", "text"),
            ("sophie", HttpMethod.Post, $"cases/{caseId}/referrals", """{"toOrganisationId": "habitat-asbl\n", "reason": "Support"}""", "toOrganisationId"),
            ("sophie", HttpMethod.Post, $"persons/{personId}/consents", """{"organisationIds": ["habitat-asbl\n"], "scope": ["case"], "expiresOn": "2027-01-01", "evidence": "Form"}""", "organisationIds"),
            ("sophie", HttpMethod.Post, $"persons/{personId}/consents", """{"organisationIds": ["habitat-asbl"], "scope": ["case"], "expiresOn": "9999-12-31", "evidence": "Form"}""", "expiresOn"),
            ("sophie", HttpMethod.Post, $"persons/{personId}/consents", """{"organisationIds": ["habitat-asbl"], "scope": ["case"], "expiresOn": "2027-01-01T00:00:00Z", "evidence": "Form"}""", "expiresOn"),
            ("karim", HttpMethod.Post, "contacts", Contact($"\"observedAt\": \"{observedAt}\", \"zone\": \"Flagey\""), "observedAt"),
            ("karim", HttpMethod.Post, "contacts", Contact("\"observedAt\": \"0001-01-01T00:00:00Z\", \"zone\": \"Flagey\""), "observedAt"),
            ("karim", HttpMethod.Post, "contacts", Contact("\"observedAt\": \"0001-01-01T00:00:00+01:00\", \"zone\": \"Flagey\""), "observedAt"),
            ("karim", HttpMethod.Post, "contacts", Contact("\"observedAt\": \"9999-12-31T23:59:59Z\", \"zone\": \"Flagey\""), "observedAt"),
            ("karim", HttpMethod.Post, "contacts", Contact($"\"observedAt\": \"{observedAt}Z\", \"zone\": \"Flagey\", \"personId\": \"{personId}\\n\""), "personId"),
            ("karim", HttpMethod.Post, "contacts", Contact($"\"observedAt\": \"{observedAt}Z\", \"Zone\": \"Flagey\""), "Zone"),
            ("karim", HttpMethod.Post, "contacts", Contact($"\"observedAt\": \"{observedAt}Z\", \"zone\": \"Flagey\", \"zone\": \"Midi\""), "zone"),
            ("karim", HttpMethod.Post, "contacts", Contact($"\"observedAt\": \"{observedAt}Z\", \"zone\": \"Flagey\", \"location\": {{\"lat\": \"50.8\", \"lon\": 4.3}}"), "location.lat"),
        ];
        var state = await AuthoritativeStateAsync();

        var wrong = new List<string>();
        foreach (var (login, method, path, body, field) in hazards)
        {
            var call = await Call(method, path, login, body, method == HttpMethod.Patch ? etag : null);
            var named = call.Status == HttpStatusCode.BadRequest && call.Json.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _);
            if (!named)
            {
                wrong.Add($"{method} {path} {body}: expected 400 naming '{field}', got {(int)call.Status} {call.Body}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Equal(state, await AuthoritativeStateAsync());
        Assert.Equal(etag, (await Call(HttpMethod.Get, $"cases/{caseId}", "sophie")).ETag);
    }

    [Fact]
    public async Task IdsWithTrailingWhitespaceAndExtremeQueryTimes_Are4xxNever5xx_AndWriteNothing()
    {
        var shared = await CaseScenario.SharedWithHabitatAsync(Host);
        var (caseId, personId, consentId, referralId) = (shared.CaseId, shared.PersonId, shared.ConsentId, shared.ReferralId);
        const string note = """{"text": "x", "visibility": "shared"}""";
        (string Login, HttpMethod Method, string Path, string? Body)[] requests =
        [
            ("sophie", HttpMethod.Get, $"cases/{caseId}%0A", null),
            ("sophie", HttpMethod.Get, $"cases/{caseId}%0D%0A", null),
            ("sophie", HttpMethod.Get, $"cases/{caseId}%20", null),
            ("sophie", HttpMethod.Get, $"cases/{caseId}%09/timeline", null),
            ("sophie", HttpMethod.Post, $"cases/{caseId}%0A/notes", note),
            ("sophie", HttpMethod.Post, $"cases/{caseId}%20/notes", note),
            ("sophie", HttpMethod.Patch, $"cases/{caseId}%0A", """{"assignedWorkerId": null}"""),
            ("sophie", HttpMethod.Delete, $"persons/{personId}%0A/consents/{consentId}", null),
            ("sophie", HttpMethod.Delete, $"persons/{personId}/consents/{consentId}%0A", null),
            ("sophie", HttpMethod.Delete, $"persons/{personId}/consents/{consentId}%20", null),
            ("lena", HttpMethod.Post, $"referrals/{referralId}%0A/decline", null),
            ("dpo", HttpMethod.Get, $"persons/{personId}%0A/export", null),
            ("dpo", HttpMethod.Post, $"persons/{personId}%0A/erase", null),
            ("dpo", HttpMethod.Post, $"persons/{personId}%20/erase", null),
            ("karim", HttpMethod.Get, "contacts/batch/abcdefghijkl%0A", null),
            ("dpo", HttpMethod.Get, $"audit?personId={personId}%0A", null),
            ("dpo", HttpMethod.Get, "audit?from=0001-01-01T00:00:00Z", null),
            ("dpo", HttpMethod.Get, "audit?to=9999-12-31T23:59:59Z", null),
            ("dpo", HttpMethod.Get, "audit?from=0001-01-01&to=9999-12-31", null),
            ("dpo", HttpMethod.Get, "audit?from=2026-11-25T21:00:00", null),
            ("dpo", HttpMethod.Get, $"audit?personId={personId}&from=0001-01-01T00:00:00Z", null),
            ("marc", HttpMethod.Get, $"reports/summary?from=0001-01-01&to={Today}", null),
            ("marc", HttpMethod.Get, "reports/summary?to=0001-01-01", null),
            ("marc", HttpMethod.Get, "reports/summary?from=9999-12-31", null),
            ("marc", HttpMethod.Get, "reports/summary?to=9999-12-31T23:59:59.9999999Z", null),
            ("karim", HttpMethod.Get, "contacts?from=0001-01-01T00:00:00Z", null),
            ("karim", HttpMethod.Get, "contacts?to=9999-12-31T23:59:59Z", null),
        ];
        var state = await AuthoritativeStateAsync();
        var etag = (await Call(HttpMethod.Get, $"cases/{caseId}", "sophie")).ETag;

        var wrong = new List<string>();
        foreach (var (login, method, path, body) in requests)
        {
            var call = await Call(method, path, login, body, method == HttpMethod.Patch ? etag : null);
            if (call.Status is not (HttpStatusCode.BadRequest or HttpStatusCode.NotFound))
            {
                wrong.Add($"{login} {method} {path}: expected 400 or 404, got {(int)call.Status} {call.Body}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Equal(state, await AuthoritativeStateAsync());
        Assert.Equal(etag, (await Call(HttpMethod.Get, $"cases/{caseId}", "sophie")).ETag);
    }

    [Fact]
    public async Task MultiLineText_InNotesAndReferralReasons_IsStoredAsSent()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl"]);
        const string text = "Visited today.\r\nNext visit:\n\t- bring the housing forms";

        var note = await Call(HttpMethod.Post, $"cases/{caseId}/notes", "sophie", new { text, visibility = "shared" });
        var referral = await Call(HttpMethod.Post, $"cases/{caseId}/referrals", "sophie", new { toOrganisationId = "habitat-asbl", reason = text });

        Assert.True(note.Status == HttpStatusCode.Created, note.Body);
        Assert.True(referral.Status == HttpStatusCode.Created, referral.Body);
        var timeline = await Call(HttpMethod.Get, $"cases/{caseId}/timeline", "sophie");
        Assert.Contains(timeline.Json.GetProperty("items").EnumerateArray(), i => i.TryGetProperty("text", out var t) && t.GetString() == text);
    }

    [Fact]
    public async Task PlausibleDates_MoveInAndClosureToday_AreAccepted()
    {
        var (caseId, _, etag) = await CaseScenario.OpenCaseAsync(Host);

        var active = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", "{\"status\": \"active\"}", etag);
        var housed = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", "{\"status\": \"housed\", \"housing\": {\"moveInDate\": \"" + Today + "\"}}", active.ETag);
        var closed = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", "{\"status\": \"closed\", \"closure\": {\"reason\": \"housed\", \"date\": \"" + Today + "\"}}", housed.ETag);

        Assert.True(closed.Status == HttpStatusCode.OK, closed.Body);
        Assert.Equal(Today, closed.Json.GetProperty("closure").GetProperty("date").GetString());
    }

    private Task<string> AuthoritativeStateAsync() => AuthoritativeRows.CountAsync(Azurite.ConnectionString, Host);
}
