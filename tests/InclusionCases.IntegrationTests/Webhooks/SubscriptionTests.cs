using System.Net;
using Azure.Data.Tables;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Webhooks;

/// <summary>
/// The subscription routes on a host that, like a deployment, does not allow loopback receivers: the URL
/// rules through the API, the event list, the limit of five (also when created at once), the secret shown
/// once and never stored in the clear, and another organisation's subscriptions out of sight.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SubscriptionTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private static readonly string[] Events = ["referral.received"];

    protected override Task<TestHost> StartHostAsync() =>
        TestHost.StartAsync(Azurite.ConnectionString, settings: new Dictionary<string, string?> { ["Webhooks:AllowLoopback"] = "false" });

    [Theory]
    [InlineData("http://93.184.215.14/hooks")] // public, but not https
    [InlineData("ftp://93.184.215.14/hooks")]
    [InlineData("/hooks")]
    [InlineData("https://user:secret@93.184.215.14/hooks")]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://localhost/hooks")] // a name that resolves to loopback
    [InlineData("https://[::1]/hooks")]
    [InlineData("https://[::ffff:127.0.0.1]/hooks")]
    [InlineData("https://[::ffff:10.0.0.1]/hooks")]
    [InlineData("https://10.1.2.3/hooks")]
    [InlineData("https://172.16.0.1/hooks")]
    [InlineData("https://192.168.1.10/hooks")]
    [InlineData("https://100.64.0.1/hooks")]
    [InlineData("https://169.254.169.254/metadata")]
    [InlineData("https://[fe80::1]/hooks")]
    [InlineData("https://[fd00::1]/hooks")]
    [InlineData("https://0.0.0.0/hooks")]
    [InlineData("https://no-such-host.invalid/hooks")]
    [InlineData("https://93.184.215.14:8443/hooks")] // https's port only
    [InlineData("https://éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé.example/hooks")] // no ASCII form: a label too long once encoded
    public async Task AUrlThatIsNotHttpsToAPublicHost_Is400OnUrl_AndNothingIsStored(string url)
    {
        var call = await Call(HttpMethod.Post, "subscriptions", "habitat-app", new { url, events = Events });

        var problem = ProblemAssertions.AssertProblem(call, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _), call.Body);
        Assert.Empty((await Call(HttpMethod.Get, "subscriptions", "habitat-app")).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task EventsMustBeKnown_Named_AndNamedOnce()
    {
        var unknown = ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, "subscriptions", "habitat-app", new { url = "https://93.184.215.14/hooks", events = new[] { "referral.received", "case.read" } }), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("events[1]", out _), unknown.ToString());
        var twice = ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, "subscriptions", "habitat-app", new { url = "https://93.184.215.14/hooks", events = new[] { "task.due", "task.due" } }), HttpStatusCode.BadRequest);
        Assert.True(twice.GetProperty("errors").TryGetProperty("events[1]", out _), twice.ToString());
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, "subscriptions", "habitat-app", new { url = "https://93.184.215.14/hooks", events = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, "subscriptions", "habitat-app", new { url = "https://93.184.215.14/hooks" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FivePerOrganisation_EvenWhenCreatedAtOnce_AndTheSecretIsShownOnceAndStoredSealed()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 7).Select(i =>
            Call(HttpMethod.Post, "subscriptions", "habitat-app", new { url = $"https://93.184.215.14/hooks/{i}", events = new[] { "referral.received", "task.due" } })));

        Assert.Equal(5, attempts.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(attempts.Where(a => a.Status != HttpStatusCode.Created), a => ProblemAssertions.AssertProblem(a, HttpStatusCode.Conflict));
        var listed = (await Call(HttpMethod.Get, "subscriptions", "habitat-app")).Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, listed.Count);
        Assert.All(listed, s => Assert.False(s.TryGetProperty("secret", out _)));
        Assert.All(listed, s => Assert.Equal("active", s.GetProperty("status").GetString()));

        // The secret is nowhere in storage in the clear.
        var secrets = attempts.Where(a => a.Status == HttpStatusCode.Created).Select(a => a.Field("secret")["whsec_".Length..]).ToList();
        var table = new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.Subscriptions);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"habitat-asbl"}")))
        {
            var stored = string.Join(" ", row.Select(p => p.Value?.ToString()));
            Assert.DoesNotContain(secrets, s => stored.Contains(s, StringComparison.Ordinal));
        }

        // Deleting one makes room for another.
        var first = listed[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await Call(HttpMethod.Delete, $"subscriptions/{first}", "habitat-app")).Status);
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, "subscriptions", "habitat-app", new { url = "https://93.184.215.14/hooks/again", events = Events })).Status);
    }

    [Fact]
    public async Task AnotherOrganisationsSubscription_IsNotFound_LikeOneThatNeverExisted()
    {
        var created = await Call(HttpMethod.Post, "subscriptions", "habitat-app", new { url = "https://93.184.215.14/hooks", events = Events });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Field("id");

        foreach (var (method, path) in new[] { (HttpMethod.Delete, $"subscriptions/{id}"), (HttpMethod.Get, $"subscriptions/{id}/deliveries"), (HttpMethod.Post, $"subscriptions/{id}/deliveries/e0000000000000000001aaaaaaaa/redeliver") })
        {
            var theirs = ProblemAssertions.AssertProblem(await Call(method, path, "marc"), HttpStatusCode.NotFound);
            var none = ProblemAssertions.AssertProblem(await Call(method, path.Replace(id, "whaaaaaaaaaaaaaaaa", StringComparison.Ordinal), "marc"), HttpStatusCode.NotFound);
            Assert.Equal(none.GetProperty("detail").GetString(), theirs.GetProperty("detail").GetString());
        }

        Assert.Equal(id, (await Call(HttpMethod.Get, $"subscriptions/{id}", "habitat-app")).Field("id"));
        Assert.False((await Call(HttpMethod.Get, created.Headers.Location!.OriginalString.Replace("/api/", "", StringComparison.Ordinal), "habitat-app")).Json.TryGetProperty("secret", out _));
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Get, $"subscriptions/{id}", "marc"), HttpStatusCode.NotFound);
        Assert.Empty((await Call(HttpMethod.Get, "subscriptions", "marc")).Json.GetProperty("items").EnumerateArray());
        Assert.Single((await Call(HttpMethod.Get, "subscriptions", "habitat-app")).Json.GetProperty("items").EnumerateArray());
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Get, "subscriptions", "lena"), HttpStatusCode.Forbidden); // a social worker's role
    }
}
