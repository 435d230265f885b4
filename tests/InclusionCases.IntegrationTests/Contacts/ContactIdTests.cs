using System.Net;
using System.Text.Json;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Organisations;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Tools.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Contacts;

/// <summary>
/// A contact id names one contact for the whole system. Karim (ixelles-commune) logs a contact naming
/// a person; then the same id comes again, from karim or from a mediator of another organisation, on
/// the single route or in a batch, with the same body or a different one (naming another person, so a
/// rewrite would move the contact). Whatever happens, the stored contact, in the list and in both
/// persons' outreach views, is the first one, and another organisation learns nothing but "conflict".
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ContactIdTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private const string OtherMediatorId = "8d1f6a52-00ff-4c3e-9a6e-5f1b2c3d4eff";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public enum Sender
    {
        SameOrganisation,
        OtherOrganisation,
    }

    public enum Route
    {
        One,
        Batch,
    }

    public enum Body
    {
        Same,
        Different,
    }

    /// <summary>The table: who sends the id again, how, with what, and what they get.</summary>
    public static TheoryData<Sender, Route, Body, string> Cases => new()
    {
        { Sender.SameOrganisation, Route.One, Body.Same, "200" },
        { Sender.SameOrganisation, Route.One, Body.Different, "409" },
        { Sender.SameOrganisation, Route.Batch, Body.Same, "stored" },
        { Sender.SameOrganisation, Route.Batch, Body.Different, "conflict" },
        { Sender.OtherOrganisation, Route.One, Body.Same, "409" },
        { Sender.OtherOrganisation, Route.One, Body.Different, "409" },
        { Sender.OtherOrganisation, Route.Batch, Body.Same, "conflict" },
        { Sender.OtherOrganisation, Route.Batch, Body.Different, "conflict" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SameIdAgain_AnswersPerTable_AndTheStoredContactNeverChanges(Sender sender, Route route, Body body, string expected)
    {
        var (firstCase, firstPerson, _) = await CaseScenario.OpenCaseAsync(Host, displayName: "First Person");
        var (otherCase, otherPerson, _) = await CaseScenario.OpenCaseAsync(Host, displayName: "Other Person");
        var id = Guid.NewGuid().ToString();
        var original = ContactScenario.Contact(personId: firstPerson, id: id, notes: "First words");
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, "contacts", "karim", original)).Status);
        var before = await ViewsAsync(id, firstCase, otherCase);
        var token = sender == Sender.SameOrganisation ? Host.TokenFor("karim") : await OtherOrganisationMediatorAsync();
        var again = body == Body.Same ? original : ContactScenario.Contact(personId: otherPerson, id: id, zone: "Matonge", notes: "Other words");

        if (route == Route.One)
        {
            var sent = await SendAsync(HttpMethod.Post, "contacts", token, again);
            if (expected == "200")
            {
                Assert.Equal(HttpStatusCode.OK, sent.Status);
                Assert.Equal("First words", sent.Json.GetProperty("notes").GetString());
            }
            else
            {
                var problem = ProblemAssertions.AssertProblem(sent, HttpStatusCode.Conflict);
                Assert.Equal(ProblemTypes.Conflict.Uri, problem.GetProperty("type").GetString());
                // Nothing of the stored contact: not its words, zone, person or who logged it.
                foreach (var secret in new[] { "First words", "Flagey", firstPerson, "ixelles-commune", DemoDirectory.Find("karim")!.ObjectId })
                {
                    Assert.DoesNotContain(secret, sent.Body, StringComparison.Ordinal);
                }
            }
        }
        else
        {
            var sent = await SendAsync(HttpMethod.Post, "contacts/batch", token, new { contacts = new[] { again } });
            Assert.Equal(HttpStatusCode.Accepted, sent.Status);
            Assert.Equal(1, sent.Json.GetProperty("accepted").GetInt32());
            var status = await Eventually.WaitForAsync(
                () => SendAsync(HttpMethod.Get, $"contacts/batch/{sent.Field("batchId")}", token), s => s.Field("status") == "completed", Deadline, "the batch to complete");
            var rejected = status.Json.GetProperty("rejected");
            if (expected == "stored")
            {
                Assert.Equal(1, status.Json.GetProperty("stored").GetInt32());
                Assert.Equal(0, rejected.GetArrayLength());
            }
            else
            {
                Assert.Equal(0, status.Json.GetProperty("stored").GetInt32());
                var rejection = Assert.Single(rejected.EnumerateArray());
                Assert.Equal(0, rejection.GetProperty("index").GetInt32());
                Assert.Equal("""{"id":["conflict"]}""", rejection.GetProperty("errors").GetRawText());
                Assert.DoesNotContain("First words", status.Body, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await ViewsAsync(id, firstCase, otherCase));
        if (sender == Sender.OtherOrganisation)
        {
            var theirs = await SendAsync(HttpMethod.Get, "contacts", token);
            Assert.Equal(HttpStatusCode.OK, theirs.Status);
            Assert.DoesNotContain(id, theirs.Body, StringComparison.Ordinal);
        }
    }

    /// <summary>The contact as karim's list and both persons' outreach views show it (the second must not).</summary>
    private async Task<string> ViewsAsync(string id, string firstCase, string otherCase)
    {
        var list = await Call(HttpMethod.Get, "contacts", "karim");
        var listed = Assert.Single(list.Json.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        var outreach = await Call(HttpMethod.Get, $"cases/{firstCase}/outreach", "sophie");
        var linked = Assert.Single(outreach.Json.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        Assert.Equal(listed.GetRawText(), linked.GetRawText());
        Assert.Equal("First words", listed.GetProperty("notes").GetString());
        Assert.Equal("karim", DemoDirectory.Users.Single(u => u.ObjectId == listed.GetProperty("mediatorId").GetString()).Login);
        var other = await Call(HttpMethod.Get, $"cases/{otherCase}/outreach", "sophie");
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.DoesNotContain(id, other.Body, StringComparison.Ordinal);
        return listed.GetRawText();
    }

    /// <summary>A mediator of habitat-asbl (not in the demo data): a membership row and a development token.</summary>
    private async Task<string> OtherOrganisationMediatorAsync()
    {
        await Host.Services.GetRequiredService<OrganisationService>().GrantAsync("habitat-asbl", OtherMediatorId, "Other Mediator", validUntil: null, CancellationToken.None);
        return Host.Tokens.Issue(OtherMediatorId, "Other Mediator", [AppRole.Mediator]);
    }

    private async Task<ApiCall> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = TestHost.Request(method, path, token);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await Host.Client.SendAsync(request);
        return new ApiCall(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }
}
