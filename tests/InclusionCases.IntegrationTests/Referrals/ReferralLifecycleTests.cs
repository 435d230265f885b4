using System.Net;
using Azure.Data.Tables;
using InclusionCases.Functions.Referrals;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Referrals;

/// <summary>
/// The referral lifecycle through the API, as a table: every status, every move, and each party (the
/// referring lead, the referred organisation, an organisation with no part in it). A party that may
/// not know the referral gets 404, the wrong side 403, a move the status does not allow 409 with
/// <c>currentStatus</c> and <c>allowed</c>, and the one right move 200 and the status it leads to.
/// A referral made 31 days ago reads as expired before the expiry job writes it down.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReferralLifecycleTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private static readonly string[] Statuses = ["pending", "accepted", "declined", "withdrawn", "completed", "expired"];
    private static readonly string[] Moves = ["accept", "decline", "withdraw", "complete"];
    private static readonly string[] Parties = ["sophie", "lena", "thomas"];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["pending"] = ["accept", "decline", "withdraw"],
        ["accepted"] = ["complete"],
    };

    private readonly ShiftableClock _clock = new();

    protected override Task<TestHost> StartHostAsync() => TestHost.StartAsync(Azurite.ConnectionString, clock: _clock);

    [Fact]
    public async Task EveryStatus_EveryMove_EveryParty()
    {
        // The expired ones are made 31 days back, before anything else.
        _clock.Offset = TimeSpan.FromDays(-31);
        var expired = await ReferralInAsync("pending");
        _clock.Offset = TimeSpan.Zero;
        var shared = new Dictionary<string, string> { ["expired"] = expired.Id };
        foreach (var status in Statuses.Where(s => s != "expired"))
        {
            shared[status] = (await ReferralInAsync(status)).Id;
        }

        var cells = 0;
        foreach (var status in Statuses)
        {
            foreach (var move in Moves)
            {
                foreach (var party in Parties)
                {
                    var expected = Expected(status, move, party);
                    var referralId = shared[status];
                    if (expected == HttpStatusCode.OK)
                    {
                        referralId = status == "expired" ? throw new InvalidOperationException("nothing moves an expired referral") : (await ReferralInAsync(status)).Id;
                    }

                    var call = await MoveAsync(referralId, move, party);
                    Assert.True(expected == call.Status, $"{party} {move} on a {status} referral: expected {(int)expected}, got {(int)call.Status} {call.Body}");
                    if (expected == HttpStatusCode.OK)
                    {
                        Assert.Equal(AfterMove(move), call.Field("status"));
                    }
                    else if (expected == HttpStatusCode.Conflict)
                    {
                        Assert.Equal(status, call.Json.GetProperty("currentStatus").GetString());
                        Assert.Equal<string>(Allowed.GetValueOrDefault(status) ?? [], call.Json.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()!).ToArray());
                    }

                    cells++;
                }
            }
        }

        Assert.Equal(Statuses.Length * Moves.Length * Parties.Length, cells);
    }

    [Fact]
    public async Task APendingReferral_ExpiresAfter30Days_ReadsExpiredAtOnce_AndTheJobWritesItDownOnce()
    {
        _clock.Offset = TimeSpan.FromDays(-31);
        var referral = await ReferralInAsync("pending");
        var young = await ReferralInAsync("pending", caseId: referral.CaseId, to: "jette-cpas", consentFor: ["habitat-asbl", "jette-cpas"]);
        _clock.Offset = TimeSpan.FromDays(-29);
        var recent = await ReferralInAsync("pending");
        _clock.Offset = TimeSpan.Zero;
        await Host.WaitForProjectionAsync(referral.PersonId);

        var listed = await Call(HttpMethod.Get, "referrals?direction=outgoing&limit=200", "sophie");
        var items = listed.Json.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal("expired", items[referral.Id].GetProperty("status").GetString());
        Assert.Equal("pending", items[recent.Id].GetProperty("status").GetString());
        Assert.True(items[recent.Id].TryGetProperty("expiresAt", out var expiresAt) && expiresAt.ValueKind == System.Text.Json.JsonValueKind.String);

        var job = Host.Services.GetRequiredService<ExpireReferralsJob>();
        Assert.Equal(2, await job.RunAsync(CancellationToken.None)); // the two made 31 days ago
        Assert.Equal(0, await job.RunAsync(CancellationToken.None));
        await Host.WaitForProjectionAsync(referral.PersonId);

        var stored = await ReferralRowAsync(referral.PersonId, referral.Id);
        Assert.Equal(("Expired", true), (stored.GetString("Status"), stored.GetDateTimeOffset("ClosedAt") is not null));
        Assert.Equal("Expired", (await ReferralRowAsync(young.PersonId, young.Id)).GetString("Status"));
        Assert.Equal("Pending", (await ReferralRowAsync(recent.PersonId, recent.Id)).GetString("Status"));
        var timeline = await Call(HttpMethod.Get, $"cases/{referral.CaseId}/timeline", "sophie");
        Assert.Contains(timeline.Json.GetProperty("items").EnumerateArray(), e => e.GetProperty("kind").GetString() == "referralExpired" && e.GetProperty("actorId").GetString() == "system");

        // The referral can be made again once the old one has expired.
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, $"cases/{referral.CaseId}/referrals", "sophie", new { toOrganisationId = "habitat-asbl", reason = "Once more" })).Status);
    }

    [Fact]
    public async Task TheLead_EndsAParticipation_AndCompletingEndsItToo()
    {
        var accepted = await ReferralInAsync("accepted");
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Get, $"cases/{accepted.CaseId}", "lena")).Status);
        var lenasTask = await Call(HttpMethod.Post, $"cases/{accepted.CaseId}/tasks", "lena", new { title = "Visit with the landlord", dueOn = CaseScenario.NextWeek });
        Assert.Equal(HttpStatusCode.Created, lenasTask.Status);

        ProblemAssertions.AssertProblem(await Call(HttpMethod.Delete, $"cases/{accepted.CaseId}/participants/habitat-asbl", "lena"), HttpStatusCode.Forbidden);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Delete, $"cases/{accepted.CaseId}/participants/habitat-asbl", "thomas"), HttpStatusCode.NotFound);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Delete, $"cases/{accepted.CaseId}/participants/jette-cpas", "sophie"), HttpStatusCode.NotFound);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Delete, $"cases/{accepted.CaseId}/participants/bad%5Cid", "sophie"), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await Call(HttpMethod.Delete, $"cases/{accepted.CaseId}/participants/habitat-asbl", "sophie")).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"cases/{accepted.CaseId}", "lena")).Status);
        var timeline = await Call(HttpMethod.Get, $"cases/{accepted.CaseId}/timeline", "sophie");
        Assert.Contains(timeline.Json.GetProperty("items").EnumerateArray(), e => e.GetProperty("kind").GetString() == "participationEnded");
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Delete, $"cases/{accepted.CaseId}/participants/habitat-asbl", "sophie"), HttpStatusCode.NotFound);

        // habitat-asbl can no longer see or close its task on the case: the projector cancels it.
        await Host.WaitForProjectionAsync(accepted.PersonId);
        var task = (await new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.Cases)
            .GetEntityAsync<TableEntity>(accepted.PersonId, Functions.PersonFile.CaseRows.Task(lenasTask.Field("id")))).Value;
        Assert.Equal(("Cancelled", "participationEnded"), (task.GetString("Status"), task.GetString("Outcome")));

        var completing = await ReferralInAsync("accepted");
        var completed = await MoveAsync(completing.Id, "complete", "lena");
        Assert.Equal(("completed", "Done"), (completed.Field("status"), completed.Field("outcome")));
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"cases/{completing.CaseId}", "lena")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Get, $"cases/{completing.CaseId}", "sophie")).Status);
    }

    [Fact]
    public async Task TwoReferralsToTheSameOrganisationAtOnce_OnlyOneIsMade()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl"]);

        var calls = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Call(HttpMethod.Post, $"cases/{caseId}/referrals", "sophie", new { toOrganisationId = "habitat-asbl", reason = "Support" })));

        Assert.Single(calls, c => c.Status == HttpStatusCode.Created);
        Assert.All(calls.Where(c => c.Status != HttpStatusCode.Created), c => Assert.Equal(HttpStatusCode.Conflict, c.Status));
    }

    [Fact]
    public async Task ADecline_CarriesItsReason_AndABadOneIs400AndChangesNothing()
    {
        var pending = await ReferralInAsync("pending");
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, $"referrals/{pending.Id}/decline", "lena", "{\"reason\":\"busy\"}"), HttpStatusCode.BadRequest);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, $"referrals/{pending.Id}/decline", "lena", new { note = new string('x', 2001) }), HttpStatusCode.BadRequest);
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, $"referrals/{pending.Id}/complete", "lena", new { }), HttpStatusCode.BadRequest);
        Assert.Equal("Pending", (await ReferralRowAsync(pending.PersonId, pending.Id)).GetString("Status"));

        var declined = await Call(HttpMethod.Post, $"referrals/{pending.Id}/decline", "lena", new { reason = "capacity", note = "Full until March." });
        Assert.Equal(("declined", "capacity", "Full until March."), (declined.Field("status"), declined.Field("declineReason"), declined.Field("note")));
        var timeline = await Call(HttpMethod.Get, $"cases/{pending.CaseId}/timeline", "sophie");
        Assert.Contains(timeline.Json.GetProperty("items").EnumerateArray(), e => e.GetProperty("kind").GetString() == "referralDeclined");

        // Erasure scrubs what people wrote on the referral; the reason word stays for the figures.
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"persons/{pending.PersonId}/erase", "dpo")).Status);
        var scrubbed = await ReferralRowAsync(pending.PersonId, pending.Id);
        Assert.Equal((Domain.Persons.Person.ErasedText, Domain.Persons.Person.ErasedText, "Capacity"), (scrubbed.GetString("Note"), scrubbed.GetString("Reason"), scrubbed.GetString("DeclineReason")));
    }

    // The answer the lifecycle gives a party: whether it may know the referral, whether the move is its side's, whether the status allows it.
    private static HttpStatusCode Expected(string status, string move, string party)
    {
        var knows = party switch
        {
            "sophie" => true, // the referring lead always sees its case
            "lena" => status is "pending" or "accepted", // invited, or taking part
            _ => false,
        };
        if (!knows)
        {
            return HttpStatusCode.NotFound;
        }

        var side = move == "withdraw" ? "sophie" : "lena";
        if (party != side)
        {
            return HttpStatusCode.Forbidden;
        }

        return (Allowed.GetValueOrDefault(status) ?? []).Contains(move) ? HttpStatusCode.OK : HttpStatusCode.Conflict;
    }

    private static string AfterMove(string move) => move switch
    {
        "accept" => "accepted",
        "decline" => "declined",
        "withdraw" => "withdrawn",
        _ => "completed",
    };

    private Task<ApiCall> MoveAsync(string referralId, string move, string party) =>
        Call(HttpMethod.Post, $"referrals/{referralId}/{move}", party, move == "complete" ? new { outcome = "Done" } : null);

    private sealed record MadeReferral(string Id, string CaseId, string PersonId);

    // A referral from ixelles-cpas to habitat-asbl (or another organisation) on a case of its own, brought to the status.
    private async Task<MadeReferral> ReferralInAsync(string status, string? caseId = null, string to = "habitat-asbl", string[]? consentFor = null)
    {
        string personId;
        if (caseId is null)
        {
            (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
            await CaseScenario.RecordConsentAsync(Host, personId, consentFor ?? ["habitat-asbl"], expiresOn: DateTime.UtcNow.AddDays(300));
        }
        else
        {
            personId = (await Call(HttpMethod.Get, $"cases/{caseId}", "sophie")).Json.GetProperty("person").GetProperty("id").GetString()!;
            await CaseScenario.RecordConsentAsync(Host, personId, consentFor ?? [to], expiresOn: DateTime.UtcNow.AddDays(300));
        }

        var id = await CaseScenario.ReferAsync(Host, caseId, to);
        var steps = status switch
        {
            "pending" => [],
            "accepted" => [("accept", "lena")],
            "declined" => [("decline", "lena")],
            "withdrawn" => [("withdraw", "sophie")],
            "completed" => new[] { ("accept", "lena"), ("complete", "lena") },
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
        foreach (var (move, party) in steps)
        {
            Assert.Equal(HttpStatusCode.OK, (await MoveAsync(id, move, party)).Status);
        }

        return new MadeReferral(id, caseId, personId);
    }

    private async Task<TableEntity> ReferralRowAsync(string personId, string referralId)
    {
        var table = new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.Cases);
        return (await table.GetEntityAsync<TableEntity>(personId, Functions.PersonFile.CaseRows.Referral(referralId))).Value;
    }
}
