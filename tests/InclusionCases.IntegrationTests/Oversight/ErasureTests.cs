using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Contacts;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Oversight;

/// <summary>Erasure removes a person's words everywhere and keeps ids, dates, statuses and counts.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ErasureTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    [Fact]
    public async Task Erase_RemovesEveryIdentifyingTextFromResponsesAndTables_KeepsTheRest_SecondCallAnswersTheSame()
    {
        var name = "Erasable " + Guid.NewGuid().ToString("N")[..10];
        var note = "Note " + Guid.NewGuid().ToString("N")[..10];
        var contactNote = "Contact " + Guid.NewGuid().ToString("N")[..10];
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host, displayName: name);
        await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl"]);
        var referralId = await CaseScenario.ReferAsync(Host, caseId, "habitat-asbl");
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"referrals/{referralId}/accept", "lena")).Status);
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, $"cases/{caseId}/notes", "lena", new { text = note, visibility = "shared" })).Status);
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, "contacts", "karim", ContactScenario.Contact(personId: personId, notes: contactNote))).Status);
        var batch = await Call(HttpMethod.Post, "contacts/batch", "karim", new { contacts = new[] { ContactScenario.Contact(personId: personId, notes: contactNote) } });
        await Eventually.WaitForAsync(() => Call(HttpMethod.Get, $"contacts/batch/{batch.Field("batchId")}", "karim"), s => s.Field("status") == "completed", TimeSpan.FromSeconds(30), "the batch");
        var before = await Call(HttpMethod.Get, $"cases/{caseId}", "sophie");
        var reportBefore = await SettledReportAsync(personId);

        var erased = await Call(HttpMethod.Post, $"persons/{personId}/erase", "dpo");

        Assert.Equal(HttpStatusCode.OK, erased.Status);
        Assert.Equal("erased", erased.Field("outcome"));
        var secrets = new[] { name, note, contactNote, "diabetes", "alcohol", "Red dog", "Signed consent form", "Housing First support team" };
        var after = await Call(HttpMethod.Get, $"cases/{caseId}", "sophie");
        Assert.Equal(before.Field("status"), after.Field("status"));
        Assert.Equal(before.Field("createdAt"), after.Field("createdAt"));
        Assert.Equal("[erased]", after.Json.GetProperty("person").GetProperty("displayName").GetString());
        foreach (var path in new[] { $"cases/{caseId}", $"cases/{caseId}/timeline", $"cases/{caseId}/outreach", $"persons/{personId}/export", "contacts", "referrals?direction=outgoing" })
        {
            foreach (var login in new[] { "sophie", "lena", "karim", "dpo" })
            {
                var body = (await Call(HttpMethod.Get, path, login)).Body;
                Assert.All(secrets, s => Assert.DoesNotContain(s, body, StringComparison.Ordinal));
            }
        }

        // Wait for the projector to rewrite the referral index, then look at every row of every table.
        await Eventually.WaitForAsync(() => TablesContainingAsync(secrets), found => found.Count == 0, TimeSpan.FromSeconds(30), "no table to hold the erased words");
        Assert.Equal("erased", (await Call(HttpMethod.Post, $"persons/{personId}/erase", "dpo")).Field("outcome"));
        Assert.Equal(reportBefore, await SettledReportAsync(personId));
    }

    // The summary once the projector has nothing left to do for the person.
    private async Task<string> SettledReportAsync(string personId)
    {
        await Host.WaitForProjectionAsync(personId);
        var counters = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<InclusionCases.Functions.Reports.ReportCounters>(Host.Services);
        await Eventually.WaitForAsync(() => counters.PendingAsync(CancellationToken.None), n => n == 0, TimeSpan.FromSeconds(30), "the report rollups to catch up");
        return (await Call(HttpMethod.Get, "reports/summary", "marc")).Body;
    }

    [Fact]
    public async Task Erase_RewritesQueuedContactsOfThePerson_LeavesOthersAlone()
    {
        var (_, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        var poison = new Azure.Storage.Queues.QueueClient(
            Azurite.ConnectionString, Host.QueueName("ContactIntakeQueue") + "-poison", new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64 });
        await poison.CreateIfNotExistsAsync();
        string Chunk(string? person, string notes) => JsonSerializer.Serialize(
            new { batchId = "b", organisationId = "ixelles-commune", mediatorId = "m", chunk = 0, contacts = new[] { ContactScenario.Contact(personId: person, notes: notes) } },
            InclusionCases.Functions.Http.ApiJson.Options);
        await poison.SendMessageAsync(Chunk(personId, "Pending words about the person"));
        await poison.SendMessageAsync(Chunk(null, "Words about someone else"));

        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"persons/{personId}/erase", "dpo")).Status);

        var left = (await poison.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).ToList();
        Assert.Equal(2, left.Count);
        Assert.DoesNotContain(left, m => m.Contains("Pending words", StringComparison.Ordinal) || m.Contains("Red dog", StringComparison.Ordinal) && m.Contains(personId, StringComparison.Ordinal));
        Assert.Contains(left, m => m.Contains("Words about someone else", StringComparison.Ordinal));
    }

    // A scan of this host's own tables: fine in a test, whose point is to look everywhere.
    private async Task<List<string>> TablesContainingAsync(string[] secrets)
    {
        var found = new List<string>();
        foreach (var table in TableNames.All)
        {
            await foreach (var row in new TableClient(Azurite.ConnectionString, Host.TablePrefix + table).QueryAsync<TableEntity>())
            {
                var text = JsonSerializer.Serialize(row);
                found.AddRange(secrets.Where(s => text.Contains(s, StringComparison.Ordinal)).Select(s => $"{table}/{row.PartitionKey}/{row.RowKey}: {s}"));
            }
        }

        return found;
    }
}
