using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Tools.Demo;

namespace InclusionCases.IntegrationTests.Cases;

/// <summary>Lists page with limit and cursor; every read and write of case data, allowed or denied, is audited.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class PagingAndAuditTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    [Fact]
    public async Task Timeline_PagedByTwo_ReturnsEveryEntryOnceNewestFirst()
    {
        var (caseId, _, _) = await CaseScenario.OpenCaseAsync(Host);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, $"cases/{caseId}/notes", "sophie", new { text = $"note {i}", visibility = "shared" })).Status);
        }

        var seen = await ReadAllAsync($"cases/{caseId}/timeline?limit=2", "sophie");

        Assert.Equal(["note 3", "note 2", "note 1", "note 0", null], seen.Select(e => e.TryGetProperty("text", out var t) ? t.GetString() : null));
    }

    [Fact]
    public async Task CaseList_PagedByTwo_ReturnsEveryCaseOnceNewestChangeFirst()
    {
        // thomas's organisation starts with no cases in this test class.
        var opened = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            opened.Add((await CaseScenario.OpenCaseAsync(Host, "thomas", $"Person {i}")).CaseId);
        }

        await Eventually.WaitForAsync(
            () => ReadAllAsync("cases?limit=2", "thomas"), items => items.Count == opened.Count, TimeSpan.FromSeconds(30), "all five cases in the list");
        var listed = await ReadAllAsync("cases?limit=2", "thomas");

        Assert.Equal(Enumerable.Reverse(opened), listed.Select(c => c.GetProperty("id").GetString()));
        Assert.All(listed, c => Assert.False(c.TryGetProperty("person", out _), "list items carry no personal data"));
    }

    [Fact]
    public async Task Reads_AllowedAndDenied_AreAuditedOnThePersonWithoutSensitiveValues()
    {
        var shared = await CaseScenario.SharedWithHabitatAsync(Host);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "lena")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "thomas")).Status);

        // Opening the case for a new person is audited through the outbox: written by the projector.
        await Host.WaitForProjectionAsync(shared.PersonId);
        var entries = await AuditOfPersonAsync(shared.PersonId);

        var lena = DemoDirectory.Find("lena")!.ObjectId;
        var thomas = DemoDirectory.Find("thomas")!.ObjectId;
        Assert.Contains(entries, e => e.GetString("ActorId") == lena && e.GetString("Action") == "case.read" && e.GetString("Outcome") == "Allowed" && e.GetString("OrganisationId") == "habitat-asbl");
        Assert.Contains(entries, e => e.GetString("ActorId") == thomas && e.GetString("Action") == "case.read" && e.GetString("Outcome") == "Denied");
        // The entry written beside the read as allowed was rewritten as denied, not left beside it.
        Assert.DoesNotContain(entries, e => e.GetString("ActorId") == thomas && e.GetString("Action") == "case.read" && e.GetString("Outcome") == "Allowed");
        Assert.Contains(entries, e => e.GetString("Action") == "case.create");
        Assert.Contains(entries, e => e.GetString("Action") == "consent.record");
        Assert.Contains(entries, e => e.GetString("Action") == "referral.accept");
        Assert.All(entries, e => Assert.DoesNotContain("diabetes", JsonSerializer.Serialize(e), StringComparison.Ordinal));
        Assert.Equal(entries.OrderByDescending(e => e.GetDateTimeOffset("At")).Select(e => e.RowKey), entries.Select(e => e.RowKey));
    }

    private async Task<List<JsonElement>> ReadAllAsync(string firstPage, string login)
    {
        var items = new List<JsonElement>();
        var path = firstPage;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = await Call(HttpMethod.Get, path, login);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var batch = page.Json.GetProperty("items").EnumerateArray().ToList();
            Assert.True(batch.Count <= 2, "a page holds at most limit items");
            items.AddRange(batch);
            if (page.Json.GetProperty("next").GetString() is not { } next)
            {
                return items;
            }

            path = firstPage + "&cursor=" + next;
        }

        throw new InvalidOperationException("Paging did not end.");
    }

    private async Task<List<TableEntity>> AuditOfPersonAsync(string personId)
    {
        var table = new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.Audit);
        var entries = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"person|" + personId}")))
        {
            entries.Add(e);
        }

        return entries;
    }
}
