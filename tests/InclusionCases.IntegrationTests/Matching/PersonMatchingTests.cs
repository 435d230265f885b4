using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using InclusionCases.Domain.Identity;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Contacts;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Tools.Demo;

namespace InclusionCases.IntegrationTests.Matching;

/// <summary>
/// Person matching over the API: NISS/BIS numbers checked and kept only as keyed hashes; candidates only
/// among the persons the caller may already see; a person held elsewhere answered exactly like a person
/// who exists nowhere, while the holder gets a match request it answers with a referral or a dismissal;
/// 30 calls per caller an hour, across instances.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class PersonMatchingTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    [Fact]
    public async Task Identifiers_AreCheckedByTheirDigits_AndNeverStoredOrAnsweredInClear()
    {
        var niss = MatchingScenario.NewNiss();
        var wrongDigits = niss[..9] + ((int.Parse(niss[9..], System.Globalization.CultureInfo.InvariantCulture) + 1) % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        var refused = await Call(HttpMethod.Post, "cases", "sophie", new { type = "housingFirst", person = new { displayName = "Digits Wrong", identifiers = new[] { new { scheme = "niss", value = wrongDigits } } } });
        ProblemAssertions.AssertFieldError(refused, "person.identifiers[0].value");
        Assert.DoesNotContain(wrongDigits, refused.Body, StringComparison.Ordinal);
        var notBis = await Call(HttpMethod.Post, "cases", "sophie", new { type = "housingFirst", person = new { displayName = "Digits Wrong", identifiers = new[] { new { scheme = "bis", value = niss } } } });
        ProblemAssertions.AssertFieldError(notBis, "person.identifiers[0].value");

        var created = await Call(HttpMethod.Post, "cases", "sophie", new { type = "housingFirst", person = new { displayName = "Numbered Person", birthYear = 1970, identifiers = new[] { new { scheme = "niss", value = MatchingScenario.Printed(niss) } } } });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var personId = created.Json.GetProperty("person").GetProperty("id").GetString()!;
        await Host.WaitForProjectionAsync(personId);
        var match = await MatchingScenario.MatchAsync(Host, "sophie", new { birthYear = 1970, identifiers = new[] { new { scheme = "niss", value = niss } } });
        Assert.Equal(HttpStatusCode.OK, match.Status);
        var candidate = Assert.Single(match.Json.GetProperty("candidates").EnumerateArray());
        Assert.Equal(personId, candidate.GetProperty("personId").GetString());
        Assert.Equal(1.0, candidate.GetProperty("score").GetDouble());
        var read = await Call(HttpMethod.Get, $"cases/{created.Field("id")}", "sophie");

        foreach (var body in new[] { created.Body, match.Body, read.Body })
        {
            Assert.DoesNotContain(niss, body, StringComparison.Ordinal);
            Assert.DoesNotContain(niss[..6], body, StringComparison.Ordinal);
        }

        var tables = new TableServiceClient(Azurite.ConnectionString);
        var scanned = 0;
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(Host.TablePrefix) >= 0 && t.Name.CompareTo(Host.TablePrefix + "~") < 0))
        {
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var text = JsonSerializer.Serialize(row.ToDictionary(p => p.Key, p => p.Value?.ToString()));
                Assert.False(text.Contains(niss, StringComparison.Ordinal) || text.Contains(MatchingScenario.Printed(niss), StringComparison.Ordinal), $"{table.Name} holds the number in clear: {text}");
                scanned++;
            }
        }

        Assert.True(scanned > 20, "the tables were not found");
    }

    [Fact]
    public async Task Match_FindsAPersonTheCallerSees_ThroughSpellingVariants_WithItsCasesAndReasons_Audited()
    {
        var (caseId, personId) = await MatchingScenario.OpenCaseAsync(Host, "sophie", "Jean-Pierre Vandenberghe", 1975);

        var match = await MatchingScenario.MatchAsync(Host, "sophie", new { displayName = "jean pierre van den berghe", birthYear = 1976 });

        Assert.Equal(HttpStatusCode.OK, match.Status);
        var candidate = Assert.Single(match.Json.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("personId").GetString() == personId);
        Assert.Equal([caseId], candidate.GetProperty("caseIds").EnumerateArray().Select(c => c.GetString()));
        Assert.InRange(candidate.GetProperty("score").GetDouble(), 0.9, 1.0);
        var reasons = candidate.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("born a year apart", reasons);
        Assert.DoesNotContain(reasons, r => r!.Contains("Vandenberghe", StringComparison.Ordinal));
        var audit = await Call(HttpMethod.Get, $"audit?personId={personId}", "dpo");
        Assert.Contains(audit.Json.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "person.match" && e.GetProperty("actorId").GetString() == DemoDirectory.Find("sophie")!.ObjectId);
        var callEntry = (await Call(HttpMethod.Get, $"audit?actorId={DemoDirectory.Find("sophie")!.ObjectId}&limit=20", "dpo")).Json.GetProperty("items").EnumerateArray()
            .First(e => e.GetProperty("action").GetString() == "person.match" && !(e.TryGetProperty("personId", out var p) && p.ValueKind == JsonValueKind.String));
        var resource = callEntry.GetProperty("resource").GetString()!;
        Assert.Matches(@"^persons/match/mr[0-9]{19}[0-9a-f]{8}\?displayName=[0-9a-f]{16}&birthYear=[0-9a-f]{16}\z", resource);

        // Another organisation's SocialWorker is answered nothing about a person it does not see.
        var elsewhere = await MatchingScenario.MatchAsync(Host, "thomas", new { displayName = "Jean-Pierre Vandenberghe", birthYear = 1975 });
        Assert.Equal(HttpStatusCode.OK, elsewhere.Status);
        Assert.Empty(elsewhere.Json.GetProperty("candidates").EnumerateArray());
    }

    [Fact]
    public async Task Match_AMediatorFindsThePersonsItsContactsName_ByAliasAndZone_WithoutCases()
    {
        var (_, personId) = await MatchingScenario.OpenCaseAsync(Host, "sophie", "Mohamed El Idrissi", 1980);
        var (_, notMet) = await MatchingScenario.OpenCaseAsync(Host, "sophie", "Mohammed Idrissi", 1980);
        var contact = JsonSerializer.SerializeToNode(ContactScenario.Contact(personId: personId))!.AsObject();
        contact["alias"] = "Momo le peintre";
        contact["zone"] = "Flagey";
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, "contacts", "karim", contact)).Status);
        await Host.WaitForProjectionAsync(personId);

        var match = await Eventually.WaitForAsync(
            () => MatchingScenario.MatchAsync(Host, "karim", new { aliases = new[] { "momo le peintre" }, zone = "Flagey" }),
            m => m.Json.GetProperty("candidates").GetArrayLength() > 0,
            TimeSpan.FromSeconds(30),
            "the alias to be indexed");

        var candidate = Assert.Single(match.Json.GetProperty("candidates").EnumerateArray());
        Assert.Equal(personId, candidate.GetProperty("personId").GetString());
        Assert.Empty(candidate.GetProperty("caseIds").EnumerateArray());
        Assert.Contains("met in the same zone (Flagey)", candidate.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var byName = await MatchingScenario.MatchAsync(Host, "karim", new { displayName = "Mohamed Idrissi", birthYear = 1980 });
        Assert.DoesNotContain(byName.Json.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("personId").GetString() == notMet);
        // Incoming requests name a holder's person: not for a Mediator.
        Assert.Equal(HttpStatusCode.Forbidden, (await Call(HttpMethod.Get, "match-requests?direction=incoming", "karim")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Get, "match-requests?direction=outgoing", "karim")).Status);
    }

    [Fact]
    public async Task AMediator_CannotConfirmFromACaseFile_ANameYearOrNumberItsContactsDoNotSay()
    {
        var niss = MatchingScenario.NewNiss();
        var (_, personId) = await MatchingScenario.OpenCaseAsync(Host, "sophie", "Omar Haddad", 1977, niss);
        var contact = JsonSerializer.SerializeToNode(ContactScenario.Contact(personId: personId))!.AsObject();
        contact["alias"] = "Le Grand";
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, "contacts", "karim", contact)).Status);
        await Host.WaitForProjectionAsync(personId);
        await Eventually.WaitForAsync(
            () => MatchingScenario.MatchAsync(Host, "karim", new { aliases = new[] { "le grand" }, zone = (string)contact["zone"]! }),
            m => m.Json.GetProperty("candidates").GetArrayLength() > 0, TimeSpan.FromSeconds(30), "the contact to be indexed");

        // The case file's number, name and year, which the mediator's contacts never said: nothing is confirmed.
        var byNumber = await MatchingScenario.MatchAsync(Host, "karim", new { birthYear = 1977, identifiers = new[] { new { scheme = "niss", value = niss } } });
        var byName = await MatchingScenario.MatchAsync(Host, "karim", new { displayName = "Omar Haddad", birthYear = 1977 });

        Assert.Empty(byNumber.Json.GetProperty("candidates").EnumerateArray());
        Assert.Empty(byName.Json.GetProperty("candidates").EnumerateArray());
    }

    [Theory]
    [InlineData(AppRole.SocialWorker, "ixelles-cpas")]
    [InlineData(AppRole.Mediator, "ixelles-commune")]
    [InlineData(AppRole.Partner, "habitat-asbl")]
    public async Task APersonHeldElsewhere_IsAnsweredExactlyLikeAPersonWhoExistsNowhere(AppRole role, string organisationId)
    {
        var niss = MatchingScenario.NewNiss();
        var (_, personId) = await MatchingScenario.OpenCaseAsync(Host, "thomas", "Lucas Peeters", 1968, niss);
        // 50 calls of each kind, interleaved, spread over callers of one organisation (30 calls an hour each).
        var callers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            callers.Add(Host.Tokens.IssueFor(await NewMemberAsync(organisationId, role)));
        }

        var held = new List<(ApiCall Call, double Ms)>();
        var nowhere = new List<(ApiCall Call, double Ms)>();
        for (var i = 0; i < 100; i++)
        {
            var heldCall = i % 2 == 0;
            var body = new { displayName = "Lucas Peeters", birthYear = 1968, identifiers = new[] { new { scheme = "niss", value = heldCall ? niss : MatchingScenario.NewNiss() } } };
            var clock = Stopwatch.StartNew();
            var call = await ApiCall.SendWithTokenAsync(Host, HttpMethod.Post, "persons/match", callers[i % callers.Count], body);
            (heldCall ? held : nowhere).Add((call, clock.Elapsed.TotalMilliseconds));
        }

        foreach (var (call, _) in held.Concat(nowhere))
        {
            Assert.True(call.Status == HttpStatusCode.OK, call.Body);
            Assert.Equal("application/json", call.ContentType);
            Assert.Empty(call.Json.GetProperty("candidates").EnumerateArray());
            Assert.Equal(["candidates", "requestId"], call.Json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.DoesNotContain(personId, call.Body, StringComparison.Ordinal);
        }

        Assert.Equal(HeaderShape(held[0].Call), HeaderShape(nowhere[0].Call));
        Assert.All(held.Concat(nowhere), c => Assert.Equal(HeaderShape(held[0].Call), HeaderShape(c.Call)));
        Assert.Equal(held.Select(c => c.Call.Body.Length).Distinct(), nowhere.Select(c => c.Call.Body.Length).Distinct());
        // The two kinds do the same reads on the caller's behalf: their times may not be told apart (rank-sum test).
        var z = RankSumZ([.. held.Select(c => c.Ms)], [.. nowhere.Select(c => c.Ms)]);
        Assert.True(Math.Abs(z) < 4, $"held elsewhere vs nowhere: rank-sum z = {z:0.00}; medians {Median(held.Select(c => c.Ms)):0.0} vs {Median(nowhere.Select(c => c.Ms)):0.0} ms");

        // The holder learns of it; the requester's own list says pending, and nothing of the holder.
        var incoming = await MatchingScenario.IncomingForAsync(Host, "thomas", personId);
        Assert.Equal(organisationId, incoming.GetProperty("requestedBy").GetString());
        Assert.Equal("pending", incoming.GetProperty("status").GetString());
        Assert.Equal(["niss"], incoming.GetProperty("fields").GetProperty("identifiers").EnumerateArray().Select(i => i.GetString()));
        Assert.DoesNotContain(niss, incoming.GetRawText(), StringComparison.Ordinal);
        var outgoing = await ApiCall.SendWithTokenAsync(Host, HttpMethod.Get, "match-requests?direction=outgoing&limit=200", callers[0]);
        var items = outgoing.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(100, items.Count);
        Assert.All(items, i =>
        {
            Assert.Equal("pending", i.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, i.GetProperty("personId").ValueKind);
            Assert.Equal(JsonValueKind.Null, i.GetProperty("score").ValueKind);
        });
    }

    [Fact]
    public async Task TheHolder_AnswersWithAReferralThroughTheConsentCheck_OrDismisses_AndTheRequesterSeesOnlyPending()
    {
        var niss = MatchingScenario.NewNiss();
        var (caseId, personId) = await MatchingScenario.OpenCaseAsync(Host, "thomas", "Anissa Dubois", 1990, niss, gender: "female");
        var call = await MatchingScenario.MatchAsync(Host, "sophie", new { gender = "female", identifiers = new[] { new { scheme = "niss", value = niss } } });
        Assert.Equal(HttpStatusCode.OK, call.Status);
        var incoming = await MatchingScenario.IncomingForAsync(Host, "thomas", personId);
        var id = incoming.GetProperty("id").GetString()!;
        Assert.Equal(1.0, incoming.GetProperty("score").GetDouble());
        Assert.Contains("the same NISS or BIS number", incoming.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        // Only the holder may answer; another organisation meets an id that does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Post, $"match-requests/{id}/refer", "lena")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Post, $"match-requests/{id}/dismiss", "habitat-app")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Call(HttpMethod.Post, $"match-requests/{id}/refer", "karim")).Status);

        // The referral is the referral route's: no consent covering ixelles-cpas, no referral.
        var refused = await Call(HttpMethod.Post, $"match-requests/{id}/refer", "thomas");
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("consent-required", refused.Body, StringComparison.Ordinal);
        await CaseScenario.RecordConsentAsync(Host, personId, ["ixelles-cpas"], login: "thomas");
        var referred = await Call(HttpMethod.Post, $"match-requests/{id}/refer", "thomas", new { reason = "We follow her; she asked for a CPAS in Ixelles." });
        Assert.True(referred.Status == HttpStatusCode.OK, referred.Body);
        Assert.Equal("referred", referred.Field("status"));
        var referralId = referred.Field("referralId");
        await Eventually.WaitForAsync(
            async () => (await Call(HttpMethod.Get, "referrals?direction=incoming", "sophie")).Json.GetProperty("items").EnumerateArray()
                .Any(r => r.GetProperty("id").GetString() == referralId && r.GetProperty("caseId").GetString() == caseId),
            listed => listed, TimeSpan.FromSeconds(60), "the referral in ixelles-cpas's incoming list");
        Assert.Equal(HttpStatusCode.Conflict, (await Call(HttpMethod.Post, $"match-requests/{id}/dismiss", "thomas")).Status);

        // A second call, dismissed: the requester still sees pending, like every call.
        var second = await MatchingScenario.MatchAsync(Host, "sophie", new { displayName = "Anissa Dubois", birthYear = 1990 });
        var secondId = second.Field("requestId");
        var secondIncoming = await Eventually.WaitForAsync(
            async () => (await Call(HttpMethod.Get, "match-requests?direction=incoming", "thomas")).Json.GetProperty("items").EnumerateArray().FirstOrDefault(i => i.GetProperty("id").GetString()!.StartsWith(secondId, StringComparison.Ordinal)),
            i => i.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(60), "the second request");
        var dismissed = await Call(HttpMethod.Post, $"match-requests/{secondIncoming.GetProperty("id").GetString()}/dismiss", "thomas");
        Assert.Equal("dismissed", dismissed.Field("status"));
        var outgoing = (await Call(HttpMethod.Get, "match-requests?direction=outgoing", "sophie")).Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([secondId, call.Field("requestId")], outgoing.Select(o => o.GetProperty("id").GetString()));
        Assert.All(outgoing, o => Assert.Equal("pending", o.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task MoreThan30CallsAnHour_Are429WithRetryAfter_CountedAcrossInstances_AndAuditedAsDenied()
    {
        var member = await NewMemberAsync("ixelles-cpas", AppRole.SocialWorker);
        var token = Host.Tokens.IssueFor(member);
        await using var second = await TestHost.StartAsync(Azurite.ConnectionString, seed: false, prefix: Host.TablePrefix);
        var body = new { displayName = "Nobody Known", birthYear = 1980 };
        for (var i = 0; i < 30; i++)
        {
            var host = i % 2 == 0 ? Host : second;
            var call = await ApiCall.SendWithTokenAsync(host, HttpMethod.Post, "persons/match", host.Tokens.IssueFor(member), body);
            Assert.True(call.Status == HttpStatusCode.OK, $"call {i + 1}: {(int)call.Status} {call.Body}");
        }

        foreach (var host in new[] { Host, second })
        {
            var refused = await ApiCall.SendWithTokenAsync(host, HttpMethod.Post, "persons/match", host.Tokens.IssueFor(member), body);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
            Assert.Equal("application/problem+json", refused.ContentType);
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 3600);
        }

        var latest = (await Call(HttpMethod.Get, $"audit?actorId={member.ObjectId}&limit=1", "dpo")).Json.GetProperty("items")[0];
        Assert.Equal("denied", latest.GetProperty("outcome").GetString());
        Assert.Equal("person.match", latest.GetProperty("action").GetString());
        var outgoing = await ApiCall.SendWithTokenAsync(Host, HttpMethod.Get, "match-requests?direction=outgoing&limit=200", token);
        Assert.Equal(30, outgoing.Json.GetProperty("items").GetArrayLength());
        // Another caller of the same organisation is not held back.
        Assert.Equal(HttpStatusCode.OK, (await MatchingScenario.MatchAsync(Host, "sophie", body)).Status);
    }

    [Fact]
    public async Task BadMatchCalls_Are400_AndRecordNothing()
    {
        ProblemAssertions.AssertFieldError(await MatchingScenario.MatchAsync(Host, "lena", new { displayName = "Only A Name" }), "$");
        ProblemAssertions.AssertFieldError(await MatchingScenario.MatchAsync(Host, "lena", new { gender = "male", birthYear = 1800 }), "birthYear");
        ProblemAssertions.AssertFieldError(await MatchingScenario.MatchAsync(Host, "lena", new { gender = "male", identifiers = new[] { new { scheme = "niss", value = "12345678901" } } }), "identifiers[0].value");
        ProblemAssertions.AssertFieldError(await MatchingScenario.MatchAsync(Host, "lena", new { gender = "male", aliases = new[] { " " } }), "aliases[0]");
        ProblemAssertions.AssertFieldError(await MatchingScenario.MatchAsync(Host, "lena", new { gender = "male", zone = "Flagey", nickname = "x" }), "nickname");

        var outgoing = await Call(HttpMethod.Get, "match-requests?direction=outgoing", "lena");
        Assert.Empty(outgoing.Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AnErasure_ScrubsTheFieldsOfEveryMatchRequestThatDescribesThePerson()
    {
        var (_, held) = await MatchingScenario.OpenCaseAsync(Host, "thomas", "Nadia Bouzid", 1988, gender: "female");
        var (_, seen) = await MatchingScenario.OpenCaseAsync(Host, "sophie", "Fatima Mertens", 1979, gender: "female");
        var toHolder = await MatchingScenario.MatchAsync(Host, "sophie", new { displayName = "Nadia Bouzid", birthYear = 1988 });
        var answered = await MatchingScenario.MatchAsync(Host, "sophie", new { displayName = "Fatima Mertens", birthYear = 1979 });
        Assert.Single(answered.Json.GetProperty("candidates").EnumerateArray());
        var incoming = await MatchingScenario.IncomingForAsync(Host, "thomas", held);

        foreach (var personId in new[] { held, seen })
        {
            Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"persons/{personId}/erase", "dpo")).Status);
        }

        // The holder's copy goes, and the call that answered the person. The call about a person held
        // elsewhere stays as the requester wrote it: changing it would tell that someone held a match.
        var holderSide = (await Call(HttpMethod.Get, "match-requests?direction=incoming", "thomas")).Body;
        var requesterSide = (await Call(HttpMethod.Get, "match-requests?direction=outgoing", "sophie")).Body;
        Assert.Contains(incoming.GetProperty("id").GetString()!, holderSide, StringComparison.Ordinal);
        Assert.DoesNotContain("Bouzid", holderSide, StringComparison.Ordinal);
        Assert.DoesNotContain("1988", holderSide, StringComparison.Ordinal);
        Assert.DoesNotContain("Mertens", requesterSide, StringComparison.Ordinal);
        Assert.Contains(answered.Field("requestId"), requesterSide, StringComparison.Ordinal);
        Assert.Contains("Nadia Bouzid", requesterSide, StringComparison.Ordinal);
        Assert.Contains(toHolder.Field("requestId"), requesterSide, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErasedPerson_IsFoundNoMore()
    {
        var niss = MatchingScenario.NewNiss();
        var (_, personId) = await MatchingScenario.OpenCaseAsync(Host, "sophie", "Erik Janssens", 1966, niss);
        var body = new { displayName = "Erik Janssens", identifiers = new[] { new { scheme = "niss", value = niss } } };
        Assert.Single((await MatchingScenario.MatchAsync(Host, "sophie", body)).Json.GetProperty("candidates").EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"persons/{personId}/erase", "dpo")).Status);
        await Host.WaitForProjectionAsync(personId);

        Assert.Empty((await MatchingScenario.MatchAsync(Host, "sophie", body)).Json.GetProperty("candidates").EnumerateArray());
    }

    // A member of the organisation with the role, who is not a demo user.
    private async Task<DemoUser> NewMemberAsync(string organisationId, AppRole role)
    {
        var user = new DemoUser("member-" + Guid.NewGuid().ToString("N")[..8], Guid.NewGuid().ToString(), "Matching Member", role, organisationId, IsApplication: role == AppRole.Partner);
        var granted = await Call(HttpMethod.Put, $"organisations/{organisationId}/members/{user.ObjectId}", "marc", new { name = user.DisplayName });
        Assert.True(granted.Status is HttpStatusCode.Created or HttpStatusCode.OK, granted.Body);
        return user;
    }

    private static string HeaderShape(ApiCall call) =>
        string.Join('\n', call.Headers.Where(h => h.Key is not ("Date" or "traceparent" or "X-Trace-Id")).Select(h => h.Key + ": " + (h.Key.Contains("Request-Id", StringComparison.OrdinalIgnoreCase) ? "*" : string.Join(',', h.Value))).Order(StringComparer.Ordinal));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    // The Mann-Whitney rank-sum statistic as a z-score: near 0 when neither sample tends to be slower.
    private static double RankSumZ(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var all = a.Select(v => (Value: v, FromA: true)).Concat(b.Select(v => (Value: v, FromA: false))).OrderBy(x => x.Value).ToList();
        double rankSumA = 0;
        for (var i = 0; i < all.Count;)
        {
            var j = i;
            while (j < all.Count && all[j].Value == all[i].Value)
            {
                j++;
            }

            var rank = (i + j + 1) / 2.0;
            rankSumA += all.Skip(i).Take(j - i).Count(x => x.FromA) * rank;
            i = j;
        }

        double n1 = a.Count, n2 = b.Count;
        var u = rankSumA - (n1 * (n1 + 1) / 2);
        return (u - (n1 * n2 / 2)) / Math.Sqrt(n1 * n2 * (n1 + n2 + 1) / 12);
    }
}
