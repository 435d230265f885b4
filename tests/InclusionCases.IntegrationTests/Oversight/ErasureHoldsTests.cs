using System.Net;
using Azure.Data.Tables;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Oversight;

/// <summary>An erasure cannot be undone: writes naming the person are refused (410), and erasing again scrubs again.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ErasureHoldsTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    [Fact]
    public async Task AfterErase_EveryWriteNamingThePerson_Is410_WorkflowStillMoves_StrangersStill404()
    {
        var shared = await CaseScenario.SharedWithHabitatAsync(Host, sensitive: true);
        var consentId = await CaseScenario.RecordConsentAsync(Host, shared.PersonId, ["jette-cpas"]);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"persons/{shared.PersonId}/erase", "dpo")).Status);
        var etag = (await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "sophie")).ETag;

        var writes = new (string Login, HttpMethod Method, string Path, object? Body)[]
        {
            ("sophie", HttpMethod.Patch, $"cases/{shared.CaseId}", new { person = new { displayName = "Back Again", sensitive = new { health = "restored" } } }),
            ("sophie", HttpMethod.Post, $"cases/{shared.CaseId}/notes", new { text = "New words", visibility = "shared" }),
            ("lena", HttpMethod.Post, $"cases/{shared.CaseId}/notes", new { text = "New words", visibility = "shared" }),
            ("sophie", HttpMethod.Post, $"persons/{shared.PersonId}/consents", new { organisationIds = new[] { "jette-cpas" }, scope = new[] { "case" }, expiresOn = CaseScenario.NextYear, evidence = "Form" }),
            ("sophie", HttpMethod.Delete, $"persons/{shared.PersonId}/consents/{consentId}", null),
            ("sophie", HttpMethod.Post, $"cases/{shared.CaseId}/referrals", new { toOrganisationId = "jette-cpas", reason = "Address" }),
            ("sophie", HttpMethod.Post, "cases", new { type = "homelessness", personId = shared.PersonId }),
        };
        foreach (var (login, method, path, body) in writes)
        {
            var call = await Call(method, path, login, body, method == HttpMethod.Patch ? etag : null);
            Assert.True(call.Status == HttpStatusCode.Gone, $"{method} {path} as {login}: {(int)call.Status} {call.Body}");
            Assert.Equal("https://inclusioncases.example/problems/erased", call.Field("type"));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Post, $"cases/{shared.CaseId}/notes", "thomas", new { text = "x", visibility = "shared" })).Status);
        var close = await Call(HttpMethod.Patch, $"cases/{shared.CaseId}", "sophie", new { status = "closed", closure = new { reason = "other" } }, etag);
        Assert.Equal(HttpStatusCode.OK, close.Status);
        var read = await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "sophie");
        Assert.Equal("[erased]", read.Json.GetProperty("person").GetProperty("displayName").GetString());
        Assert.DoesNotContain("restored", read.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EraseAgain_ScrubsWhatIsThereAgain()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"persons/{personId}/erase", "dpo")).Status);
        // What an erasure cut short, or a write that slipped past, could leave: a note with words in it.
        var table = new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.Cases);
        var at = DateTimeOffset.UtcNow;
        await table.AddEntityAsync(new TableEntity(personId, CaseRows.Timeline(caseId, at, "leftover1234"))
        {
            ["EntryId"] = "leftover1234", ["CaseId"] = caseId, ["Kind"] = "Note", ["At"] = at, ["ActorId"] = "x", ["ActorOrganisationId"] = "ixelles-cpas",
            ["OrganisationOnly"] = false, ["Text"] = "Left over words",
        });

        var again = await Call(HttpMethod.Post, $"persons/{personId}/erase", "dpo");

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("erased", again.Field("outcome"));
        var row = await table.GetEntityAsync<TableEntity>(personId, CaseRows.Timeline(caseId, at, "leftover1234"));
        Assert.Equal("[erased]", row.Value.GetString("Text"));
        Assert.DoesNotContain("Left over words", (await Call(HttpMethod.Get, $"cases/{caseId}/timeline", "sophie")).Body, StringComparison.Ordinal);
    }
}
