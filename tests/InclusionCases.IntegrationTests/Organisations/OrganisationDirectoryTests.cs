using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Tools.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Organisations;

/// <summary>The directory: filters, creation (201, Location, ETag; 409 on a taken id), updates under If-Match, bad input, audit.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class OrganisationDirectoryTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    [Fact]
    public async Task Directory_AnyRole_ListsTheSeededOrganisations_AndFilters()
    {
        foreach (var user in DemoDirectory.Users)
        {
            var all = await Call(HttpMethod.Get, "organisations", user.Login);
            Assert.Equal(HttpStatusCode.OK, all.Status);
            Assert.Equal(DemoDirectory.Organisations.Select(o => o.Id).Order(), Ids(all).Order());
        }

        var ixelles = (await Call(HttpMethod.Get, "organisations", "sophie")).Json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "ixelles-cpas");
        Assert.Equal("CPAS d'Ixelles", ixelles.GetProperty("name").GetString());
        Assert.Equal("cpas", ixelles.GetProperty("kind").GetString());
        Assert.Equal(["food", "administrative", "referenceAddress"], ixelles.GetProperty("offers").EnumerateArray().Select(e => e.GetString()));
        Assert.True(ixelles.GetProperty("acceptsReferrals").GetBoolean());

        Assert.Equal(["ixelles-cpas", "jette-cpas"], Ids(await Call(HttpMethod.Get, "organisations?kind=cpas", "karim")));
        Assert.Equal(["habitat-asbl"], Ids(await Call(HttpMethod.Get, "organisations?offers=housingFirst", "karim")));
        Assert.Equal(["habitat-asbl", "ixelles-cpas"], Ids(await Call(HttpMethod.Get, "organisations?offers=shelter&language=ar", "karim")).Concat(
            Ids(await Call(HttpMethod.Get, "organisations?offers=food&language=fr", "karim"))).Order());
        Assert.Empty(Ids(await Call(HttpMethod.Get, "organisations?kind=police", "karim")));
        Assert.Equal(["ixelles-cpas", "jette-cpas"], Ids(await Call(HttpMethod.Get, "organisations?kind=cpas&offers=referenceAddress&language=nl", "karim")));
    }

    [Fact]
    public async Task Directory_Pages()
    {
        var first = await Call(HttpMethod.Get, "organisations?limit=3", "lena");
        var next = first.Json.GetProperty("next").GetString();
        Assert.NotNull(next);
        var second = await Call(HttpMethod.Get, $"organisations?limit=3&cursor={next}", "lena");

        Assert.Equal(DemoDirectory.Organisations.Select(o => o.Id).Order(), Ids(first).Concat(Ids(second)).Order());
    }

    [Theory]
    [InlineData("organisations?kind=hospital", "kind")]
    [InlineData("organisations?offers=money", "offers")]
    [InlineData("organisations?language=french", "language")]
    [InlineData("organisations?limit=0", "limit")]
    public async Task Directory_BadFilter_Is400NamingIt(string path, string field)
    {
        var problem = ProblemAssertions.AssertProblem(await Call(HttpMethod.Get, path, "sophie"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Create_Coordinator_Is201WithLocationAndETag_ThenListed_AndATakenIdIs409()
    {
        var body = new { id = "schaerbeek-cpas", name = "CPAS de Schaerbeek", kind = "cpas", offers = new[] { "referenceAddress", "food" }, languages = new[] { "fr", "nl" } };

        var created = await Call(HttpMethod.Post, "organisations", "marc", body);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("/api/organisations/schaerbeek-cpas", created.Headers.Location?.ToString());
        Assert.NotNull(created.ETag);
        Assert.Equal(["food", "referenceAddress"], created.Json.GetProperty("offers").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("schaerbeek-cpas", Ids(await Call(HttpMethod.Get, "organisations?offers=referenceAddress&language=nl", "sophie")));

        ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, "organisations", "marc", body with { }), HttpStatusCode.Conflict);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, "organisations", "marc", new { id = "ixelles-cpas", name = "Another", kind = "ngo" }), HttpStatusCode.Conflict);
        Assert.Equal("CPAS d'Ixelles", (await Call(HttpMethod.Get, "organisations?kind=cpas", "marc")).Json.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{ "name": "No id", "kind": "ngo" }""", "id")]
    [InlineData("""{ "id": "Bad Id!", "name": "X", "kind": "ngo" }""", "id")]
    [InlineData("""{ "id": "pabcdefghijklmnop", "name": "X", "kind": "ngo" }""", "id")] // a person id's shape
    [InlineData("""{ "id": "no-name", "kind": "ngo" }""", "name")]
    [InlineData("""{ "id": "no-kind", "name": "X" }""", "kind")]
    [InlineData("""{ "id": "bad-kind", "name": "X", "kind": "bank" }""", "kind")]
    [InlineData("""{ "id": "bad-offer", "name": "X", "kind": "ngo", "offers": ["money"] }""", "offers[0]")]
    [InlineData("""{ "id": "twice", "name": "X", "kind": "ngo", "offers": ["food", "food"] }""", "offers")]
    [InlineData("""{ "id": "bad-lang", "name": "X", "kind": "ngo", "languages": ["French"] }""", "languages")]
    [InlineData("""{ "id": "extra", "name": "X", "kind": "ngo", "members": [] }""", "members")]
    public async Task Create_BadInput_Is400NamingTheField_AndWritesNothing(string json, string field)
    {
        var problem = ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, "organisations", "marc", json), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(DemoDirectory.Organisations.Count, Ids(await Call(HttpMethod.Get, "organisations", "marc")).Count);
    }

    [Fact]
    public async Task Get_AnyRole_ReadsOneOrganisationWithTheETagAPatchNeeds_AndAnUnknownOrMalformedIdIs404()
    {
        var read = await Call(HttpMethod.Get, "organisations/jette-cpas", "karim");

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("CPAS de Jette", read.Json.GetProperty("name").GetString());
        var patched = await Call(HttpMethod.Patch, "organisations/jette-cpas", "marc", new { languages = new[] { "nl", "fr", "en" } }, ifMatch: read.ETag);
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal(patched.ETag, (await Call(HttpMethod.Get, "organisations/jette-cpas", "habitat-app")).ETag);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, "organisations/jette-cpas", "marc", new { name = "X" }, ifMatch: read.ETag), HttpStatusCode.PreconditionFailed);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Get, "organisations/nowhere-asbl", "sophie"), HttpStatusCode.NotFound);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Get, "organisations/Not%20An%20Id", "sophie"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_NeedsIfMatch_RefusesAStaleOne_AndAnswersTheNewETag()
    {
        var created = await Call(HttpMethod.Post, "organisations", "marc", new { id = "evere-commune", name = "Commune d'Evere", kind = "commune" });

        ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, "organisations/evere-commune", "marc", new { acceptsReferrals = false }), HttpStatusCode.PreconditionRequired);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, "organisations/evere-commune", "marc", new { acceptsReferrals = false }, ifMatch: "W/\"datetime'2020-01-01T00%3A00%3A00.0000000Z'\""), HttpStatusCode.PreconditionFailed);
        var patched = await Call(HttpMethod.Patch, "organisations/evere-commune", "marc", new { acceptsReferrals = false, offers = new[] { "violenceSupport" } }, ifMatch: created.ETag);

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.NotEqual(created.ETag, patched.ETag);
        Assert.False(patched.Json.GetProperty("acceptsReferrals").GetBoolean());
        Assert.Equal("Commune d'Evere", patched.Json.GetProperty("name").GetString());
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, "organisations/evere-commune", "marc", new { name = "Evere" }, ifMatch: created.ETag), HttpStatusCode.PreconditionFailed);
        Assert.Equal(["evere-commune"], Ids(await Call(HttpMethod.Get, "organisations?offers=violenceSupport", "sophie")));
        Assert.DoesNotContain("evere-commune", Ids(await Call(HttpMethod.Get, "organisations?offers=orientation&kind=commune", "sophie")));
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, "organisations/nowhere", "marc", new { name = "X" }, ifMatch: "*"), HttpStatusCode.NotFound);
        var badField = ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, "organisations/evere-commune", "marc", new { id = "other" }, ifMatch: "*"), HttpStatusCode.BadRequest);
        Assert.True(badField.GetProperty("errors").TryGetProperty("id", out _));
        var nullName = ProblemAssertions.AssertProblem(await Call(HttpMethod.Patch, "organisations/evere-commune", "marc", """{ "name": null }""", ifMatch: "*"), HttpStatusCode.BadRequest);
        Assert.True(nullName.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Changes_AreAudited_ByIdNeverByName()
    {
        var created = await Call(HttpMethod.Post, "organisations", "marc", new { id = "forest-cpas", name = "CPAS de Forest", kind = "cpas" });
        await Call(HttpMethod.Patch, "organisations/forest-cpas", "marc", new { name = "CPAS de Forest (Vorst)" }, ifMatch: created.ETag);

        var audit = await Call(HttpMethod.Get, $"audit?actorId={DemoDirectory.Find("marc")!.ObjectId}", "dpo");
        var actions = audit.Json.GetProperty("items").EnumerateArray().Select(i => (Action: i.GetProperty("action").GetString(), Resource: i.GetProperty("resource").GetString())).ToList();

        Assert.Contains(("organisation.create", "organisations/forest-cpas"), actions);
        Assert.Contains(("organisation.update", "organisations/forest-cpas"), actions);
        Assert.DoesNotContain("CPAS de Forest", audit.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationWrittenBeforeTheDirectory_IsReadById_TakesItsId_AndJoinsTheDirectoryOnItsFirstPatch()
    {
        var table = Host.Services.GetRequiredService<StorageAccount>().Table(TableNames.Organisations);
        await table.AddEntityAsync(new TableEntity("old-ngo", "organisation") { ["Name"] = "Old asbl", ["Kind"] = "Ngo" });
        var oid = Guid.NewGuid().ToString();

        // Its members resolve and can be listed, its id is taken, but the directory does not show it yet.
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Put, $"organisations/old-ngo/members/{oid}", "marc", new { name = "Old Member" })).Status);
        Assert.Contains(oid, (await Call(HttpMethod.Get, "organisations/old-ngo/members", "marc")).Body, StringComparison.Ordinal);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, "organisations", "marc", new { id = "old-ngo", name = "New", kind = "ngo" }), HttpStatusCode.Conflict);
        Assert.DoesNotContain("old-ngo", Ids(await Call(HttpMethod.Get, "organisations", "marc")));

        var patched = await Call(HttpMethod.Patch, "organisations/old-ngo", "marc", new { offers = new[] { "shelter" } }, ifMatch: "*");

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal("Old asbl", patched.Field("name"));
        Assert.Equal("ngo", patched.Field("kind"));
        Assert.Contains("old-ngo", Ids(await Call(HttpMethod.Get, "organisations?offers=shelter", "marc")));
    }

    private static List<string> Ids(ApiCall call)
    {
        Assert.True(call.Status == HttpStatusCode.OK, call.Body);
        return [.. call.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
    }
}
