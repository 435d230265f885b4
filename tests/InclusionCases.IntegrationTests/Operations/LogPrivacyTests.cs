using System.Collections.Concurrent;
using System.Net;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Contacts;
using InclusionCases.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InclusionCases.IntegrationTests.Operations;

/// <summary>
/// Logs never carry personal data. The end-to-end scenario (a case with sensitive fields, a note, a
/// consent, a referral accepted, street contacts one by one and in a batch through the intake queue,
/// bad input that quotes personal data, refusals, export and erasure) runs on a host that keeps every
/// log line at every level; then no line may contain a name, a note, a sensitive value, an alias or a
/// reason the scenario used. The lines must carry the pipeline's scopes, so the search is not empty.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class LogPrivacyTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private const string Name = "Zoë Vandermeersch-Privé";
    private const string NewName = "Zoé Van Privacy-Renamed";
    private const string Health = "hépatite-PRIV-4417";
    private const string Addiction = "opioids-PRIV-2209";
    private const string NoteText = "PRIVNOTE sleeps behind the Flagey church";
    private const string Reason = "PRIVREASON violence at home";
    private const string Alias = "PRIVALIAS the painter";
    private const string ContactNotes = "PRIVCONTACT coughing, asked for a doctor";
    private const string BadInputName = "PRIVBAD Marie-Claire";
    private const string Niss = "78031412349";

    private readonly ConcurrentQueue<string> _logs = new();

    protected override Task<TestHost> StartHostAsync() =>
        TestHost.StartAsync(Azurite.ConnectionString, configureServices: s => s.AddSingleton<ILoggerProvider>(new CapturedLogs(_logs)), minimumLogLevel: LogLevel.Trace);

    [Fact]
    public async Task EndToEndScenario_NoLogLineCarriesPersonalData()
    {
        var created = await Call(HttpMethod.Post, "cases", "sophie", new
        {
            type = "housingFirst",
            person = new { displayName = Name, birthYear = 1980, sensitive = new { health = Health, addiction = Addiction }, identifiers = new[] { new { scheme = "niss", value = Niss } } },
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var caseId = created.Field("id");
        var personId = created.Json.GetProperty("person").GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Patch, $"cases/{caseId}", "sophie", new { person = new { displayName = NewName } }, ifMatch: "*")).Status);
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, $"cases/{caseId}/notes", "sophie", new { text = NoteText, visibility = "shared" })).Status);
        await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl"], sensitive: true);
        var referral = await Call(HttpMethod.Post, $"cases/{caseId}/referrals", "sophie", new { toOrganisationId = "habitat-asbl", reason = Reason });
        Assert.Equal(HttpStatusCode.Created, referral.Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"referrals/{referral.Field("id")}/accept", "lena")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Get, $"cases/{caseId}", "lena")).Status);

        var contact = ContactScenario.Contact(personId: personId, notes: ContactNotes);
        var withAlias = System.Text.Json.JsonSerializer.SerializeToNode(contact)!.AsObject();
        withAlias["alias"] = Alias;
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, "contacts", "karim", withAlias)).Status);
        var batch = await Call(HttpMethod.Post, "contacts/batch", "karim", new { contacts = new[] { ContactScenario.Contact(notes: ContactNotes), ContactScenario.Contact(personId: personId, notes: ContactNotes) } });
        Assert.Equal(HttpStatusCode.Accepted, batch.Status);

        // Bad input and refusals quote or name personal data; their answers and logs must not carry it on.
        Assert.Equal(HttpStatusCode.BadRequest, (await Call(HttpMethod.Post, "cases", "sophie", new { type = "housingFirst", person = new { displayName = BadInputName, birthYear = "nineteen" } })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Call(HttpMethod.Post, $"cases/{caseId}/notes", "sophie", new { text = NoteText, visibility = BadInputName })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"cases/{caseId}", "thomas")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Call(HttpMethod.Post, $"cases/{caseId}/notes", "karim", new { text = NoteText, visibility = "shared" })).Status);

        await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, $"contacts/batch/{batch.Field("batchId")}", "karim"), s => s.Field("status") == "completed", TimeSpan.FromSeconds(90), "the batch to complete");
        await Host.WaitForProjectionAsync(personId);
        // Match calls, found and held elsewhere (its holders' side runs on the queue), and one with a number that does not hold.
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, "persons/match", "sophie", new { displayName = NewName, identifiers = new[] { new { scheme = "niss", value = Niss } } })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, "persons/match", "thomas", new { displayName = NewName, identifiers = new[] { new { scheme = "niss", value = Niss } } })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Call(HttpMethod.Post, "persons/match", "thomas", new { displayName = NewName, identifiers = new[] { new { scheme = "niss", value = "78031412350" } } })).Status);
        await Eventually.WaitForAsync(
            async () => (await Call(HttpMethod.Get, "match-requests?direction=incoming", "sophie")).Json.GetProperty("items").GetArrayLength(), n => n > 0, TimeSpan.FromSeconds(60), "the match request");
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Get, $"persons/{personId}/export", "dpo")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Get, $"audit?personId={personId}", "dpo")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"persons/{personId}/erase", "dpo")).Status);

        var lines = _logs.ToList();
        Assert.Contains(lines, l => l.Contains("Operation=CreateCase", StringComparison.Ordinal) && l.Contains("Route=cases", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Operation=AddNote", StringComparison.Ordinal) && l.Contains("OrganisationId=", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Function=StoreContactChunk", StringComparison.Ordinal));
        string[] secrets = [Name, NewName, "Vandermeersch", Health, Addiction, NoteText, "Flagey church", Reason, Alias, ContactNotes, BadInputName, "Marie-Claire", Niss, "780314", "78031412350"];
        var leaks = lines.Where(l => secrets.Any(s => l.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} of {lines.Count} log lines carry personal data:{Environment.NewLine}{string.Join(Environment.NewLine, leaks.Take(10))}");
    }
}
