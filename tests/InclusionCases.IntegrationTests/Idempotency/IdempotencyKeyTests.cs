using System.Net;
using System.Text;
using Azure.Data.Tables;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Idempotency;
using InclusionCases.Functions.Retention;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Tools.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the creating routes: a retry answers the first response again and creates
/// nothing; concurrent retries create once; another request under the key is 422; keys are per caller
/// and last 24 hours.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class IdempotencyKeyTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private readonly ShiftableClock _clock = new();

    protected override Task<TestHost> StartHostAsync() => TestHost.StartAsync(Azurite.ConnectionString, clock: _clock);

    [Fact]
    public async Task EachCreatingRoute_SameKeyTwice_AnswersTheFirstResponseAgain_AndCreatesNothing()
    {
        var (firstCase, againCase) = await TwiceAsync("cases", NewCase("Marie Idem"));
        var caseId = firstCase.Json.GetProperty("id").GetString()!;
        var personId = firstCase.Json.GetProperty("person").GetProperty("id").GetString()!;
        var (firstConsent, _) = await TwiceAsync($"persons/{personId}/consents", new
        {
            organisationIds = new[] { "habitat-asbl" },
            scope = new[] { "case" },
            expiresOn = CaseScenario.NextYear,
            evidence = "Signed form",
        });
        var (firstReferral, _) = await TwiceAsync($"cases/{caseId}/referrals", new { toOrganisationId = "habitat-asbl", reason = "Support team" });
        var (firstNote, _) = await TwiceAsync($"cases/{caseId}/notes", new { text = "Met at the day centre.", visibility = "shared" });

        Assert.Equal(HttpStatusCode.Created, firstConsent.Status);
        Assert.Equal(HttpStatusCode.Created, firstReferral.Status);
        Assert.Equal(HttpStatusCode.Created, firstNote.Status);
        Assert.NotNull(againCase.ETag);
        var timeline = await Call(HttpMethod.Get, $"cases/{caseId}/timeline?limit=200", "sophie");
        Assert.Single(timeline.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "note");
        Assert.Single(timeline.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "created");

        // A replay changed nothing but showed the first answer again: audited as such, in the person's log.
        var audit = await Host.Services.GetRequiredService<AuditLog>().AllOfPersonAsync(personId, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == AuditAction.RequestReplay && e.Resource == $"cases/{caseId}" && e.Outcome == AuditOutcome.Allowed);
    }

    [Fact]
    public async Task OrganisationsAndStreetContacts_SameKeyTwice_AnswerTheFirstResponseAgain()
    {
        var contact = new { id = Guid.NewGuid().ToString(), observedAt = DateTimeOffset.UtcNow.AddHours(-1), zone = "Flagey", needs = new[] { "food" }, servicesOffered = Array.Empty<string>() };

        var (organisation, _) = await TwiceAsync("organisations", new { id = "idem-asbl", name = "Idem asbl", kind = "ngo" }, "marc");
        var (logged, _) = await TwiceAsync("contacts", contact, "karim");

        // A batch is stored in the background: the retry comes once the first upload is stored, so a second batch would show.
        var key = "k-" + Guid.NewGuid().ToString("N");
        var batch = Json(new { contacts = new[] { contact with { id = Guid.NewGuid().ToString() } } });
        var first = await SendAsync("contacts/batch", "karim", batch, key);
        await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, $"contacts/batch/{first.Field("batchId")}", "karim"), s => s.Field("status") == "completed", TimeSpan.FromSeconds(60), "the batch to be stored");
        var rows = await AuthoritativeRows.CountAsync(Azurite.ConnectionString, Host);
        var again = await SendAsync("contacts/batch", "karim", batch, key);

        Assert.Equal("idem-asbl", organisation.Field("id"));
        Assert.Equal(contact.id, logged.Field("id"));
        Assert.Equal((HttpStatusCode.Accepted, first.Body, first.Headers.Location), (again.Status, again.Body, again.Headers.Location));
        Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(rows, await AuthoritativeRows.CountAsync(Azurite.ConnectionString, Host));
    }

    [Fact]
    public async Task ParticipantWhoseConsentEnded_ReplayingItsNote_Gets404_NotTheKeptAnswer()
    {
        var shared = await CaseScenario.SharedWithHabitatAsync(Host);
        var note = Json(new { text = "Kept answer, private words", visibility = "shared" });
        Assert.Equal(HttpStatusCode.Created, (await SendAsync($"cases/{shared.CaseId}/notes", "lena", note, "lena-note-1")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Call(HttpMethod.Delete, $"persons/{shared.PersonId}/consents/{shared.ConsentId}", "sophie")).Status);

        var replay = await SendAsync($"cases/{shared.CaseId}/notes", "lena", note, "lena-note-1");

        ProblemAssertions.AssertProblem(replay, HttpStatusCode.NotFound);
        Assert.DoesNotContain("private words", replay.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EightParallelIdenticalCreates_WithOneKey_CreateExactlyOneCase()
    {
        var body = Json(NewCase("Parallel Person"));
        var personsBefore = await PersonRowsAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SendAsync("cases", "sophie", body, "parallel-key-1")));

        var created = answers.Where(a => a.Status == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => Assert.Equal(ProblemTypes.IdempotencyKeyInUse.Uri, ProblemAssertions.AssertProblem(a, HttpStatusCode.Conflict).GetProperty("type").GetString()));
        Assert.Single(created.Select(a => a.Field("id")).Distinct());
        Assert.Single(created.Select(a => a.Body).Distinct());
        Assert.Single(created, a => !a.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(personsBefore + 1, await PersonRowsAsync());
    }

    [Fact]
    public async Task SameKey_AnotherBodyOrRoute_Is422KeyReused_AndCreatesNothing()
    {
        var first = await SendAsync("cases", "sophie", Json(NewCase("Reuse Person")), "reuse-key");
        Assert.Equal(HttpStatusCode.Created, first.Status);
        var caseId = first.Field("id");
        var rows = await AuthoritativeRows.CountAsync(Azurite.ConnectionString, Host);

        var otherBody = await SendAsync("cases", "sophie", Json(NewCase("Someone Else")), "reuse-key");
        var otherRoute = await SendAsync($"cases/{caseId}/notes", "sophie", Json(new { text = "A note", visibility = "shared" }), "reuse-key");

        Assert.Equal(ProblemTypes.IdempotencyKeyReused.Uri, ProblemAssertions.AssertProblem(otherBody, (HttpStatusCode)422).GetProperty("type").GetString());
        Assert.Equal(ProblemTypes.IdempotencyKeyReused.Uri, ProblemAssertions.AssertProblem(otherRoute, (HttpStatusCode)422).GetProperty("type").GetString());
        Assert.Equal(rows, await AuthoritativeRows.CountAsync(Azurite.ConnectionString, Host));
    }

    [Fact]
    public async Task SameKey_FromAnotherCaller_IsIndependent()
    {
        var body = Json(NewCase("Shared Key Person"));

        var sophie = await SendAsync("cases", "sophie", body, "shared-key");
        var thomas = await SendAsync("cases", "thomas", body, "shared-key");

        Assert.Equal(HttpStatusCode.Created, sophie.Status);
        Assert.Equal(HttpStatusCode.Created, thomas.Status);
        Assert.NotEqual(sophie.Field("id"), thomas.Field("id"));
        Assert.False(thomas.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task FirstAnswerA4xx_IsAnsweredAgain_EvenOnceTheCauseIsGone()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host, displayName: "Refused Person");
        var body = Json(new { toOrganisationId = "habitat-asbl", reason = "Support team" });

        var refused = await SendAsync($"cases/{caseId}/referrals", "sophie", body, "refused-key");
        await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl"]);
        var again = await SendAsync($"cases/{caseId}/referrals", "sophie", body, "refused-key");
        var withNewKey = await SendAsync($"cases/{caseId}/referrals", "sophie", body, "refused-key-2");

        Assert.Equal(ProblemTypes.ConsentRequired.Uri, ProblemAssertions.AssertProblem(refused, HttpStatusCode.Conflict).GetProperty("type").GetString());
        Assert.Equal(refused.Body, again.Body);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(HttpStatusCode.Created, withNewKey.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/key")]
    [InlineData("dot.key")]
    [InlineData("k1234567890123456789012345678901234567890123456789012345678901234")]
    public async Task MalformedKey_Is400NamingTheHeader_AndCreatesNothing(string key)
    {
        var rows = await AuthoritativeRows.CountAsync(Azurite.ConnectionString, Host);

        var refused = await SendAsync("cases", "sophie", Json(NewCase("Bad Key Person")), key);

        Assert.True(ProblemAssertions.AssertProblem(refused, HttpStatusCode.BadRequest).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal(rows, await AuthoritativeRows.CountAsync(Azurite.ConnectionString, Host));
    }

    [Fact]
    public async Task Key_OnARouteThatTakesNone_Is400NamingTheHeader_AndChangesNothing()
    {
        var (caseId, _, etag) = await CaseScenario.OpenCaseAsync(Host, displayName: "Patch Person");
        using var request = TestHost.Request(HttpMethod.Patch, $"cases/{caseId}", Host.TokenFor("sophie"));
        request.Content = new StringContent("{\"status\":\"active\"}", Encoding.UTF8, "application/json");
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "patch-key");

        using var response = await Host.Client.SendAsync(request);

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal(etag, (await Call(HttpMethod.Get, $"cases/{caseId}", "sophie")).ETag);
    }

    [Theory]
    [InlineData("health")]
    [InlineData("openapi.json")]
    public async Task AnonymousRoutes_RefuseAKeyAndABody_AsEveryRouteThatTakesNeither(string path)
    {
        using var keyed = TestHost.Request(HttpMethod.Get, path, bearerToken: null);
        keyed.Headers.TryAddWithoutValidation("Idempotency-Key", "health-key");
        using var withBody = TestHost.Request(HttpMethod.Get, path, bearerToken: null);
        withBody.Content = new StringContent("{}", Encoding.UTF8, "application/json");

        using var keyAnswer = await Host.Client.SendAsync(keyed);
        using var bodyAnswer = await Host.Client.SendAsync(withBody);

        Assert.True((await ProblemAssertions.AssertProblemAsync(keyAnswer, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.True((await ProblemAssertions.AssertProblemAsync(bodyAnswer, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("$", out _));
    }

    [Fact]
    public async Task AfterTwentyFourHours_TheKeyCreatesAgain_AndTheRetentionJobRemovesExpiredKeys()
    {
        var body = Json(NewCase("Expiring Person"));
        var first = await SendAsync("cases", "sophie", body, "expiring-key");

        _clock.Offset = TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1);
        var later = await SendAsync("cases", "sophie", body, "expiring-key");
        var replay = await SendAsync("cases", "sophie", body, "expiring-key");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, later.Status);
        Assert.NotEqual(first.Field("id"), later.Field("id"));
        Assert.Equal(later.Body, replay.Body);
        Assert.True(await KeyRowsAsync() > 0);

        // Four days on, every key written here has expired before "today": the daily job deletes them.
        _clock.Offset = TimeSpan.FromDays(4);
        await Host.Services.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);
        Assert.Equal(0, await KeyRowsAsync());
    }

    [Fact]
    public async Task KeyHeldByARequestThatNeverFinished_Is409InUseWithRetryAfter_AndIsTakenOverAfterTheLease()
    {
        var json = Json(NewCase("Stuck Person"));
        var sophie = DemoDirectory.Find("sophie")!.ObjectId;
        var fingerprint = RequestFingerprint.Of("POST", "/api/cases", Encoding.UTF8.GetBytes(json));
        var store = Host.Services.GetRequiredService<IdempotencyStore>();
        // As an instance that reserved the key and then died would leave it.
        Assert.NotNull(await store.TryReserveAsync(sophie, "stuck-key", fingerprint, _clock.GetUtcNow(), IdempotentRequests.Retention, IdempotentRequests.Lease, CancellationToken.None));
        var persons = await PersonRowsAsync();

        var waited = await SendAsync("cases", "sophie", json, "stuck-key");
        _clock.Offset = IdempotentRequests.Lease + TimeSpan.FromSeconds(1);
        var afterLease = await SendAsync("cases", "sophie", json, "stuck-key");

        Assert.Equal(ProblemTypes.IdempotencyKeyInUse.Uri, ProblemAssertions.AssertProblem(waited, HttpStatusCode.Conflict).GetProperty("type").GetString());
        Assert.NotNull(waited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Created, afterLease.Status);
        Assert.Equal(persons + 1, await PersonRowsAsync());
    }

    [Fact]
    public async Task ErasingThePerson_DeletesTheAnswersKeptForThem()
    {
        var name = "Erased " + Guid.NewGuid().ToString("N")[..10];
        var created = await SendAsync("cases", "sophie", Json(NewCase(name)), "erase-key");
        var personId = created.Json.GetProperty("person").GetProperty("id").GetString()!;
        var note = await SendAsync($"cases/{created.Field("id")}/notes", "sophie", Json(new { text = "Note " + name, visibility = "shared" }), "erase-note-key");
        var other = await SendAsync("cases", "sophie", Json(NewCase("Kept Person")), "other-key");
        Assert.Equal(HttpStatusCode.Created, note.Status);
        Assert.Contains(name, string.Concat(await KeptBodiesAsync()), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"persons/{personId}/erase", "dpo")).Status);

        var kept = string.Concat(await KeptBodiesAsync());
        Assert.DoesNotContain(name, kept, StringComparison.Ordinal);
        Assert.Contains(other.Field("id"), kept, StringComparison.Ordinal);
    }

    private static object NewCase(string displayName) => new { type = "housingFirst", person = new { displayName, birthYear = 1980 } };

    private static string Json(object body) => System.Text.Json.JsonSerializer.Serialize(body);

    /// <summary>Sends the same bytes twice under one fresh key and checks the second answer is the first one again.</summary>
    private async Task<(ApiCall First, ApiCall Again)> TwiceAsync(string path, object body, string login = "sophie", HttpStatusCode expected = HttpStatusCode.Created)
    {
        var key = "k-" + Guid.NewGuid().ToString("N");
        var json = Json(body);
        var first = await SendAsync(path, login, json, key);
        var rows = await AuthoritativeRows.CountAsync(Azurite.ConnectionString, Host);
        var again = await SendAsync(path, login, json, key);

        Assert.Equal(expected, first.Status);
        Assert.Equal(first.Status, again.Status);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(first.ETag, again.ETag);
        Assert.Equal(first.ContentType, again.ContentType);
        Assert.Equal(first.Body, again.Body);
        Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(rows, await AuthoritativeRows.CountAsync(Azurite.ConnectionString, Host));
        return (first, again);
    }

    private Task<ApiCall> SendAsync(string path, string login, string json, string key) => IdempotentCalls.SendAsync(Host, path, login, json, key);

    private Task<int> PersonRowsAsync() => IdempotentCalls.PersonRowsAsync(Azurite.ConnectionString, Host);

    private async Task<List<string>> KeptBodiesAsync()
    {
        var bodies = new List<string>();
        await foreach (var row in new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.IdempotencyKeys).QueryAsync<TableEntity>())
        {
            bodies.AddRange(row.Keys.Where(k => k.StartsWith("Body", StringComparison.Ordinal) && k != "BodyChunks").Select(k => Encoding.UTF8.GetString(row.GetBinary(k)!)));
        }

        return bodies;
    }

    private async Task<int> KeyRowsAsync()
    {
        var count = 0;
        await foreach (var _ in new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.IdempotencyKeys).QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}
