using System.Net;
using System.Text;
using Azure.Data.Tables;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Cases;

/// <summary>Bad input gets a 400 problem naming the field, and writes nothing. No test here creates a case, so the table stays empty.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class BadInputTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    public static TheoryData<string, string> InvalidCreateBodies => new()
    {
        { "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"A\"", "$" },
        { "[1, 2]", "$" },
        { "{\"type\": \"shelterFirst\", \"person\": {\"displayName\": \"A\"}}", "type" },
        { "{\"type\": 1, \"person\": {\"displayName\": \"A\"}}", "type" },
        { "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"A\", \"birthYear\": \"old\"}}", "person.birthYear" },
        { "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"A\", \"birthYear\": 1850}}", "person.birthYear" },
        { "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"" + new string('x', 201) + "\"}}", "person.displayName" },
        { "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"\"}}", "person.displayName" },
        { "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"A\", \"languages\": [\"' or 1 eq 1\"]}}", "person.languages" },
        { "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"A\"}, \"leadOrganisationId\": \"jette-cpas\"}", "leadOrganisationId" },
        { "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"A\", \"isAdmin\": true}}", "person.isAdmin" },
        { "{\"type\": \"housingFirst\"}", "person" },
        { "{\"type\": \"housingFirst\", \"personId\": \"' or 1 eq 1\"}", "personId" },
        { "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"A\"}, \"assignedWorkerId\": \"a/b#c\"}", "assignedWorkerId" },
        { "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"A\", \"sensitive\": {\"health\": \"" + new string('h', 4001) + "\"}}}", "person.sensitive.health" },
        { "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"A\", \"sensitive\": {\"disabilityStatus\": \"maybe\"}}}", "person.sensitive.disabilityStatus" },
        { "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"A\", \"sensitive\": {\"residenceStatus\": \"NoValidPermit\"}}}", "person.sensitive.residenceStatus" },
        { "{\"type\": \"housingFirst\", \"Person\": {\"displayName\": \"A\"}}", "Person" },
        { "{\"type\": \"housingFirst\", \"person\": {\"DisplayName\": \"A\"}}", "person.DisplayName" },
        { "{\"type\": \"housingFirst\", \"type\": \"homelessness\", \"person\": {\"displayName\": \"A\"}}", "type" },
        { "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"A\", \"birthYear\": \"1980\"}}", "person.birthYear" },
        { "{\"type\": \"housingFirst\", \"personId\": \"paaaaaaaaaaaaaaaa\\n\"}", "personId" },
        { "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"A\", \"languages\": [\"fr\\n\"]}}", "person.languages" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreateBodies))]
    public async Task CreateCase_InvalidBody_Is400NamingTheFieldAndWritesNothing(string body, string field)
    {
        var call = await Call(HttpMethod.Post, "cases", "sophie", body);

        var problem = ProblemAssertions.AssertProblem(call, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {call.Body}");
        Assert.Equal(0, await CountAsync(TableNames.Cases));
    }

    [Theory]
    [InlineData("cases/' or 1 eq 1", "caseId")]
    [InlineData("cases/p2a%23b", "caseId")]
    [InlineData("cases/PAAAAAAAAAAAAAAAA-cAAAAAAAAAA", "caseId")]
    [InlineData("cases/p' or PartitionKey ne '/timeline", "caseId")]
    [InlineData("referrals/x' or 1 eq 1/accept", "referralId")]
    [InlineData("persons/%27%20or%201%20eq%201/consents/kaaaaaaaaaaaa", "personId")]
    [InlineData("cases/paaaaaaaaaaaaaaaa-caaaaaaaaaa%0A", "caseId")]
    [InlineData("cases/paaaaaaaaaaaaaaaa-caaaaaaaaaa%20", "caseId")]
    [InlineData("referrals/paaaaaaaaaaaaaaaa-raaaaaaaaaa%0A/accept", "referralId")]
    [InlineData("persons/paaaaaaaaaaaaaaaa%0A/consents/kaaaaaaaaaaaa", "personId")]
    [InlineData("persons/paaaaaaaaaaaaaaaa/consents/kaaaaaaaaaaaa%0A", "consentId")]
    [InlineData("cases?status=lost", "status")]
    [InlineData("cases?limit=0", "limit")]
    [InlineData("cases?limit=201", "limit")]
    [InlineData("cases?cursor=%%%", "cursor")]
    [InlineData("cases?assignedTo=someone", "assignedTo")]
    [InlineData("referrals", "direction")]
    [InlineData("referrals?direction=sideways", "direction")]
    public async Task Get_MalformedIdOrQuery_Is400NamingIt(string path, string field)
    {
        var method = path.EndsWith("/accept", StringComparison.Ordinal) ? HttpMethod.Post : path.Contains("/consents/", StringComparison.Ordinal) ? HttpMethod.Delete : HttpMethod.Get;

        var call = await Call(method, path, "sophie");

        var problem = ProblemAssertions.AssertProblem(call, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {call.Body}");
    }

    [Fact]
    public async Task CreateCase_BodyOver1MB_Is413AndWritesNothing()
    {
        var huge = "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"" + new string('x', 1024 * 1024) + "\"}}";

        var call = await Call(HttpMethod.Post, "cases", "sophie", huge);

        ProblemAssertions.AssertProblem(call, (HttpStatusCode)413);
        Assert.Equal(0, await CountAsync(TableNames.Cases));
    }

    [Fact]
    public async Task CreateCase_NotJson_Is415()
    {
        using var request = TestHost.Request(HttpMethod.Post, "cases", Host.TokenFor("sophie"));
        request.Content = new StringContent("type=housingFirst", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await Host.Client.SendAsync(request);

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    // A scan of this test class's own table is fine in a test: it proves nothing was written.
    private async Task<int> CountAsync(string logicalTable)
    {
        var table = new TableClient(Azurite.ConnectionString, Host.TablePrefix + logicalTable);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }
}

/// <summary>Bad updates of existing records: 400 naming the field, the record unchanged.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class BadUpdateTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    [Fact]
    public async Task UpdateCase_ReadOnlyOrUnknownField_Is400AndChangesNothing()
    {
        var (caseId, _, etag) = await CaseScenario.OpenCaseAsync(Host);

        foreach (var body in new[] { "{\"leadOrganisationId\": \"jette-cpas\"}", "{\"participants\": [\"jette-cpas\"]}", "{\"id\": \"x\"}", "{\"status\": \"reopened\"}", "{\"status\": null}", "{\"person\": {\"displayName\": null}}" })
        {
            var call = await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", body, etag);
            ProblemAssertions.AssertProblem(call, HttpStatusCode.BadRequest);
        }

        var after = await Call(HttpMethod.Get, $"cases/{caseId}", "sophie");
        Assert.Equal(etag, after.ETag);
        Assert.Equal("ixelles-cpas", after.Field("leadOrganisationId"));
    }

    [Fact]
    public async Task Consent_InvalidFields_Is400NamingEach()
    {
        var (_, personId, _) = await CaseScenario.OpenCaseAsync(Host);

        var call = await Call(HttpMethod.Post, $"persons/{personId}/consents", "sophie", new
        {
            organisationIds = new[] { "Not An Id" },
            scope = new[] { "sensitive" },
            expiresOn = "2001-01-01",
            evidence = "",
        });

        var errors = ProblemAssertions.AssertProblem(call, HttpStatusCode.BadRequest).GetProperty("errors");
        Assert.All(new[] { "organisationIds", "scope", "expiresOn", "evidence" }, f => Assert.True(errors.TryGetProperty(f, out _), f));
    }
}
