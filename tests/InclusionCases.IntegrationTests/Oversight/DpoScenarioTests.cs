using System.Net;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Tools.Demo;

namespace InclusionCases.IntegrationTests.Oversight;

/// <summary>The data-protection officer answers "who saw this person's file" and exports everything held.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class DpoScenarioTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private static readonly string Lena = DemoDirectory.Find("lena")!.ObjectId;
    private static readonly string Thomas = DemoDirectory.Find("thomas")!.ObjectId;

    [Fact]
    public async Task AfterTheCaseScenario_AuditShowsLenasReadAndThomassDenial_ExportListsTheDisclosures()
    {
        var shared = await CaseScenario.SharedWithHabitatAsync(Host);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "lena")).Status);
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, $"cases/{shared.CaseId}/notes", "sophie", new { text = "Private: debts", visibility = "organisation" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"cases/{shared.CaseId}", "thomas")).Status);

        var audit = await Call(HttpMethod.Get, $"audit?personId={shared.PersonId}", "dpo");

        Assert.Equal(HttpStatusCode.OK, audit.Status);
        var items = audit.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("actorId").GetString() == Lena && i.GetProperty("action").GetString() == "case.read" && i.GetProperty("outcome").GetString() == "allowed");
        Assert.Contains(items, i => i.GetProperty("actorId").GetString() == Thomas && i.GetProperty("action").GetString() == "case.read" && i.GetProperty("outcome").GetString() == "denied");
        var byActor = await Call(HttpMethod.Get, $"audit?actorId={Thomas}", "dpo");
        Assert.Contains(byActor.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("resource").GetString() == $"case/{shared.CaseId}");
        var byDay = await Call(HttpMethod.Get, "audit?limit=5", "dpo");
        Assert.Equal(5, byDay.Json.GetProperty("items").GetArrayLength());
        Assert.NotNull(byDay.Json.GetProperty("next").GetString());

        var export = await Call(HttpMethod.Get, $"persons/{shared.PersonId}/export", "dpo");

        Assert.Equal(HttpStatusCode.OK, export.Status);
        var disclosures = export.Json.GetProperty("disclosures").EnumerateArray().ToList();
        Assert.Contains(disclosures, d => d.GetProperty("actorId").GetString() == Lena && d.GetProperty("action").GetString() == "case.read");
        Assert.Contains(disclosures, d => d.GetProperty("organisationId").GetString() == "habitat-asbl" && d.GetProperty("action").GetString() == "referral.accept");
        Assert.DoesNotContain(disclosures, d => d.GetProperty("actorId").GetString() == Thomas);
        Assert.Contains("Private: debts", export.Body, StringComparison.Ordinal);
        Assert.Contains("diabetes", export.Body, StringComparison.Ordinal);
        Assert.Single(export.Json.GetProperty("consents").EnumerateArray());
        Assert.Single(export.Json.GetProperty("referrals").EnumerateArray());
        var exportAudited = await Call(HttpMethod.Get, $"audit?personId={shared.PersonId}&limit=1", "dpo");
        Assert.Equal("person.export", exportAudited.Json.GetProperty("items")[0].GetProperty("action").GetString());
    }
}
