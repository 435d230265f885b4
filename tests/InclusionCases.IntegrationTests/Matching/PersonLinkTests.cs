using System.Net;
using System.Text.Json;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Contacts;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Matching;

/// <summary>
/// Links between two records of one person and their splits: who may make them, a match answering the
/// two as one person, an export and an erasure through a link, and a split pair never proposed to a
/// holder as one person again.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class PersonLinkTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    [Fact]
    public async Task ALink_MakesTwoRecordsOnePerson_InMatchesExportsAndErasure()
    {
        var (caseA, personA) = await MatchingScenario.OpenCaseAsync(Host, "sophie", "Karim Benali", 1985);
        var (caseB, personB) = await MatchingScenario.OpenCaseAsync(Host, "sophie", "Karim Benali", 1985);

        var link = await Call(HttpMethod.Post, $"persons/{personA}/links", "sophie", new { otherPersonId = personB, evidence = "The same identity card, seen at both desks." });
        Assert.True(link.Status == HttpStatusCode.Created, link.Body);
        Assert.Equal($"/api/persons/{personA}/links/{link.Field("id")}", link.Headers.Location?.OriginalString);
        Assert.Equal(personB, link.Field("otherPersonId"));
        Assert.Equal(HttpStatusCode.Conflict, (await Call(HttpMethod.Post, $"persons/{personB}/links", "sophie", new { otherPersonId = personA, evidence = "Again" })).Status);

        // Reads name the other record; one person, with the cases of both records, in a match.
        var read = await Call(HttpMethod.Get, $"cases/{caseA}", "sophie");
        Assert.Equal([personB], read.Json.GetProperty("person").GetProperty("linkedPersonIds").EnumerateArray().Select(p => p.GetString()));
        var match = await MatchingScenario.MatchAsync(Host, "sophie", new { displayName = "Karim Benali", birthYear = 1985 });
        var candidate = Assert.Single(match.Json.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("personId").GetString() is { } id && (id == personA || id == personB));
        Assert.Equal(new[] { caseA, caseB }.Order(StringComparer.Ordinal), candidate.GetProperty("caseIds").EnumerateArray().Select(c => c.GetString()!));

        var export = await Call(HttpMethod.Get, $"persons/{personA}/export", "dpo");
        Assert.Equal(HttpStatusCode.OK, export.Status);
        var linked = Assert.Single(export.Json.GetProperty("linked").EnumerateArray());
        Assert.Equal(personB, linked.GetProperty("personId").GetString());
        Assert.Equal(caseB, Assert.Single(linked.GetProperty("cases").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(link.Field("id"), Assert.Single(export.Json.GetProperty("links").EnumerateArray()).GetProperty("id").GetString());

        var erased = await Call(HttpMethod.Post, $"persons/{personA}/erase", "dpo");
        Assert.Equal(HttpStatusCode.OK, erased.Status);
        Assert.Equal([personB], erased.Json.GetProperty("linkedPersonIds").EnumerateArray().Select(p => p.GetString()));
        foreach (var caseId in new[] { caseA, caseB })
        {
            Assert.Equal("[erased]", (await Call(HttpMethod.Get, $"cases/{caseId}", "sophie")).Json.GetProperty("person").GetProperty("displayName").GetString());
        }

        Assert.Equal(HttpStatusCode.Gone, (await Call(HttpMethod.Post, $"cases/{caseB}/notes", "sophie", new { text = "Seen", visibility = "shared" })).Status);
        var afterErasure = await Call(HttpMethod.Get, $"persons/{personB}/export", "dpo");
        Assert.Equal("[erased]", Assert.Single(afterErasure.Json.GetProperty("links").EnumerateArray()).GetProperty("evidence").GetString());
        Assert.DoesNotContain("identity card", afterErasure.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkCutShortAfterItsFirstFile_IsFinishedByTheSameCallAgain()
    {
        var (_, personA) = await MatchingScenario.OpenCaseAsync(Host, "sophie", "Half Linked", 1990);
        var (_, personB) = await MatchingScenario.OpenCaseAsync(Host, "sophie", "Half Linked", 1990);
        // What a call that failed between the two files leaves: the link in A's file only.
        var cases = new Azure.Data.Tables.TableClient(Azurite.ConnectionString, Host.TablePrefix + InclusionCases.Functions.Storage.TableNames.Cases);
        await cases.AddEntityAsync(new Azure.Data.Tables.TableEntity(personA, "link|lhalfwritten12")
        {
            ["LinkId"] = "lhalfwritten12", ["OtherPersonId"] = personB, ["Evidence"] = "Same card", ["CreatedBy"] = InclusionCases.Tools.Demo.DemoDirectory.Find("sophie")!.ObjectId,
            ["CreatedByOrganisationId"] = "ixelles-cpas", ["CreatedAt"] = DateTimeOffset.UtcNow,
        });

        var again = await Call(HttpMethod.Post, $"persons/{personA}/links", "sophie", new { otherPersonId = personB, evidence = "Same card" });

        Assert.True(again.Status == HttpStatusCode.Created, again.Body);
        Assert.Equal("lhalfwritten12", again.Field("id"));
        var export = await Call(HttpMethod.Get, $"persons/{personB}/export", "dpo");
        Assert.Equal(personA, Assert.Single(export.Json.GetProperty("linked").EnumerateArray()).GetProperty("personId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Call(HttpMethod.Post, $"persons/{personA}/links", "sophie", new { otherPersonId = personB, evidence = "Same card" })).Status);
    }

    [Fact]
    public async Task OnlyAHolderOfBoth_OrTheAuditor_Links_AndEveryRefusalTellsNothing()
    {
        var shared = await CaseScenario.SharedWithHabitatAsync(Host);
        var (ownCase, ownB) = await MatchingScenario.OpenCaseAsync(Host, "sophie", "Record Two", 1970);
        var (_, jettes) = await MatchingScenario.OpenCaseAsync(Host, "thomas", "Record Three", 1970);
        var body = new { otherPersonId = ownB, evidence = "Same card" };

        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Post, $"persons/{shared.PersonId}/links", "thomas", body)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Call(HttpMethod.Post, $"persons/{shared.PersonId}/links", "lena", body)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Call(HttpMethod.Post, $"persons/{shared.PersonId}/links", "karim", body)).Status);
        var elsewhere = await Call(HttpMethod.Post, $"persons/{shared.PersonId}/links", "sophie", new { otherPersonId = jettes, evidence = "Same card" });
        var nowhere = await Call(HttpMethod.Post, $"persons/{shared.PersonId}/links", "sophie", new { otherPersonId = "paaaaaaaaaaaaaaaa", evidence = "Same card" });
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.Status);
        Assert.Equal(nowhere.Status, elsewhere.Status);
        Assert.Equal(nowhere.Json.GetProperty("detail").GetString(), elsewhere.Json.GetProperty("detail").GetString());
        ProblemAssertions.AssertFieldError(await Call(HttpMethod.Post, $"persons/{shared.PersonId}/links", "sophie", new { otherPersonId = shared.PersonId, evidence = "Same" }), "otherPersonId");
        ProblemAssertions.AssertFieldError(await Call(HttpMethod.Post, $"persons/{shared.PersonId}/links", "sophie", new { otherPersonId = ownB }), "evidence");
        var audit = await Call(HttpMethod.Get, $"audit?personId={shared.PersonId}&limit=20", "dpo");
        Assert.Contains(audit.Json.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "person.link" && e.GetProperty("outcome").GetString() == "denied");

        // The auditor links records whoever holds them.
        var byAuditor = await Call(HttpMethod.Post, $"persons/{ownB}/links", "dpo", new { otherPersonId = jettes, evidence = "Crossroads bank check" });
        Assert.Equal(HttpStatusCode.Created, byAuditor.Status);
        // Each holder reads its own record without learning of the other's.
        var ownRead = await Call(HttpMethod.Get, $"cases/{ownCase}", "sophie");
        Assert.False(ownRead.Json.GetProperty("person").TryGetProperty("linkedPersonIds", out _), ownRead.Body);
        Assert.DoesNotContain(jettes, ownRead.Body, StringComparison.Ordinal);
        // Splitting is on the same terms: sophie does not hold jette's record.
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Delete, $"persons/{ownB}/links/{byAuditor.Field("id")}", "sophie")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Delete, $"persons/{ownB}/links/laaaaaaaaaaaa", "dpo")).Status);
    }

    [Fact]
    public async Task ASplitPair_IsTwoPersonsAgain_AndNeverProposedToItsHolderAsOne()
    {
        var (_, mine) = await MatchingScenario.OpenCaseAsync(Host, "sophie", "Jan Peeters", 1970);
        var (_, split) = await MatchingScenario.OpenCaseAsync(Host, "thomas", "Jan Peeters", 1970);
        var (_, control) = await MatchingScenario.OpenCaseAsync(Host, "lena", "Jan Peeters", 1970);
        var link = await Call(HttpMethod.Post, $"persons/{mine}/links", "dpo", new { otherPersonId = split, evidence = "Looked alike" });
        Assert.Equal(HttpStatusCode.Created, link.Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Call(HttpMethod.Delete, $"persons/{mine}/links/{link.Field("id")}", "dpo")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Delete, $"persons/{mine}/links/{link.Field("id")}", "dpo")).Status);
        var export = await Call(HttpMethod.Get, $"persons/{mine}/export", "dpo");
        Assert.Empty(export.Json.GetProperty("linked").EnumerateArray());
        Assert.Equal(JsonValueKind.String, Assert.Single(export.Json.GetProperty("links").EnumerateArray()).GetProperty("splitAt").ValueKind);

        var call = await MatchingScenario.MatchAsync(Host, "sophie", new { displayName = "Jan Peeters", birthYear = 1970 });
        Assert.Equal([mine], call.Json.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("personId").GetString()));

        // The holder of an unrelated namesake is asked; the holder of the record split from sophie's is not.
        var requestId = call.Field("requestId");
        await Eventually.WaitForAsync(
            async () => (await Call(HttpMethod.Get, "match-requests?direction=incoming", "lena")).Json.GetProperty("items").EnumerateArray()
                .Any(i => i.GetProperty("id").GetString()!.StartsWith(requestId, StringComparison.Ordinal) && i.GetProperty("personId").GetString() == control),
            asked => asked, TimeSpan.FromSeconds(60), "the namesake's holder to be asked");
        var jettes = await Call(HttpMethod.Get, "match-requests?direction=incoming", "thomas");
        Assert.DoesNotContain(jettes.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("personId").GetString() == split);
    }

    [Fact]
    public async Task AStreetContactNamingALinkedRecord_IsFollowedUpOnTheOtherRecordsCase_UntilTheyAreSplit()
    {
        var (caseA, personA) = await MatchingScenario.OpenCaseAsync(Host, "sophie", "Nadia Follow", 1979);
        var (caseB, personB) = await MatchingScenario.OpenCaseAsync(Host, "sophie", "Nadia Follow", 1979);
        var link = await Call(HttpMethod.Post, $"persons/{personA}/links", "sophie", new { otherPersonId = personB, evidence = "Same person, opened twice." });
        Assert.Equal(HttpStatusCode.Created, link.Status);

        // The duplicate's case is closed; a mediator who knew its record still names it.
        var duplicate = await Call(HttpMethod.Get, $"cases/{caseB}", "sophie");
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Patch, $"cases/{caseB}", "sophie", new { status = "closed", closure = new { reason = "other" } }, duplicate.ETag)).Status);
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, "contacts", "karim", ContactScenario.Contact(personB, observedAt: DateTimeOffset.UtcNow))).Status);
        await Host.WaitForProjectionAsync(personB);
        await Host.WaitForProjectionAsync(personA);

        var followUps = await Call(HttpMethod.Get, "tasks?kind=contactFollowUp&status=all", "sophie");
        var task = Assert.Single(followUps.Json.GetProperty("items").EnumerateArray(), t => t.GetProperty("caseId").GetString() is { } id && (id == caseA || id == caseB));
        Assert.Equal((caseA, "open"), (task.GetProperty("caseId").GetString(), task.GetProperty("status").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await Call(HttpMethod.Delete, $"persons/{personA}/links/{link.Field("id")}", "sophie")).Status);
        await Host.WaitForProjectionAsync(personA);
        var after = await Call(HttpMethod.Get, $"tasks/{task.GetProperty("id").GetString()}", "sophie");
        Assert.Equal(("cancelled", "superseded"), (after.Field("status"), after.Field("outcome")));
    }
}
