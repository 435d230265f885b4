using System.Net;
using System.Text.Json.Nodes;
using InclusionCases.Functions.OpenApi;
using InclusionCases.Functions.Pipeline;
using InclusionCases.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Contract;

/// <summary>
/// What the document promises about request bodies, checked against the API itself: each example is
/// accepted; a declared <c>maxLength</c> or <c>maxItems</c> is the API's limit (one more is a 400
/// naming that field, the limit itself is not refused for its length); a declared required field left
/// out is a 400 naming it. So the limits in the document and in the validation cannot drift apart.
/// The clock is fixed on the day the examples were written, so their dates stay valid.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ContractExamplesTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private static readonly JsonObject Document = OpenApiDocumentBuilder.Build(typeof(HttpApi).Assembly);
    private readonly ShiftableClock _clock = new() { Offset = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero) - TimeProvider.System.GetUtcNow() };

    // The examples name partners' hosts under .example, which this machine cannot resolve: they resolve to a public address here.
    protected override Task<TestHost> StartHostAsync() => TestHost.StartAsync(
        Azurite.ConnectionString, clock: _clock, configureServices: s => s.AddSingleton<InclusionCases.Functions.Webhooks.WebhookHosts>(new ExampleHosts()));

    [Fact]
    public async Task EveryRequestExample_IsAcceptedByTheApi()
    {
        var targets = await TargetsAsync();

        Assert.Equal(Examples().Select(e => e.OperationId).Order(StringComparer.Ordinal), targets.Keys.Order(StringComparer.Ordinal));
        foreach (var (operationId, method, example) in Examples())
        {
            var target = targets[operationId];
            var call = await Call(method, target.Path, target.Login, example, await target.IfMatch());
            Assert.True(call.Status is not (HttpStatusCode.BadRequest or >= HttpStatusCode.InternalServerError), $"{operationId}: the example was answered {(int)call.Status} {call.Body}");
        }
    }

    [Fact]
    public async Task DeclaredLimitsAndRequiredFields_AreTheApisOwn()
    {
        var targets = await TargetsAsync();
        var probed = 0;
        foreach (var (operationId, method, example) in Examples())
        {
            var target = targets[operationId];
            var schema = Resolve(Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).Single(o => o.Value!["operationId"]!.GetValue<string>() == operationId).Value!["requestBody"]!["content"]!["application/json"]!["schema"]!);
            foreach (var probe in Probes(schema, example.AsObject(), prefix: string.Empty))
            {
                var refused = await MessagesAsync(method, target, probe.Refused, probe.Field);
                Assert.True(refused.Count > 0, $"{operationId}: {probe.Field} {probe.What} was not refused with a message on that field.");
                if (probe.AtLimit is { } atLimit)
                {
                    // Refused one over the limit for a reason it is not refused for at the limit: the limit is exactly the declared one.
                    var atTheLimit = await MessagesAsync(method, target, atLimit, probe.Field);
                    Assert.True(refused.Except(atTheLimit).Any(), $"{operationId}: {probe.Field} at the declared limit got the same refusal as one over it: {string.Join(" ", atTheLimit)}");
                }

                probed++;
            }
        }

        Assert.True(probed > 30, $"Only {probed} rules were probed.");
    }

    private sealed record Probe(string Field, string What, JsonObject Refused, JsonObject? AtLimit);

    // Each declared limit (one over it, and at it) and each required field (left out).
    private static IEnumerable<Probe> Probes(JsonObject schema, JsonObject example, string prefix)
    {
        var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
        foreach (var (name, declared) in schema["properties"]!.AsObject())
        {
            var field = prefix + name;
            var property = Resolve(declared!);
            if (property["maxLength"] is { } maxLength)
            {
                var max = maxLength.GetValue<int>();
                yield return new(field, $"of {max + 1} characters", With(example, name, new string('x', max + 1)), With(example, name, new string('x', max)));
            }

            if (property["maxItems"] is { } maxItems && example[name] is JsonArray { Count: > 0 } items)
            {
                var max = maxItems.GetValue<int>();
                yield return new(field, $"with {max + 1} items", With(example, name, Repeated(items[0]!, max + 1)), With(example, name, Repeated(items[0]!, max)));
            }

            if (required.Contains(name))
            {
                var without = (JsonObject)example.DeepClone();
                without.Remove(name);
                yield return new(field, "left out", without, null);
            }

            if (property["properties"] is not null && example[name] is JsonObject nested)
            {
                foreach (var inner in Probes(property, nested, field + "."))
                {
                    yield return inner with { Refused = With(example, name, inner.Refused), AtLimit = inner.AtLimit is { } at ? With(example, name, at) : null };
                }
            }
        }
    }

    private async Task<HashSet<string>> MessagesAsync(HttpMethod method, Target target, JsonObject body, string field)
    {
        var call = await Call(method, target.Path, target.Login, body, await target.IfMatch());
        if (call.Status != HttpStatusCode.BadRequest)
        {
            return [];
        }

        // A part of an object may be reported on the object ("location" for location.lat).
        var errors = call.Json.GetProperty("errors");
        var named = new[] { field, field[..Math.Max(0, field.LastIndexOf('.'))] }.FirstOrDefault(f => f.Length > 0 && errors.TryGetProperty(f, out _));
        return named is null ? [] : errors.GetProperty(named).EnumerateArray().Select(m => m.GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    private static JsonArray Repeated(JsonNode item, int count) => new([.. Enumerable.Range(0, count).Select(_ => item.DeepClone())]);

    private static JsonObject With(JsonObject example, string name, JsonNode value)
    {
        var body = (JsonObject)example.DeepClone();
        body[name] = value;
        return body;
    }

    // A property's schema with a reference (or a nullable reference) followed into the components.
    private static JsonObject Resolve(JsonNode schema)
    {
        var target = schema["oneOf"] is JsonArray choices ? choices.First(c => c!["type"]?.ToString() != "null")! : schema;
        return target["$ref"] is { } reference
            ? Document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]!.AsObject()
            : target.AsObject();
    }

    private static IEnumerable<(string OperationId, HttpMethod Method, JsonNode Example)> Examples() =>
        Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject())
            .Where(o => o.Value!["requestBody"] is not null)
            .Select(o => (o.Value!["operationId"]!.GetValue<string>(), HttpMethod.Parse(o.Key), o.Value!["requestBody"]!["content"]!["application/json"]!["example"]!.DeepClone()));

    private sealed record Target(string Login, string Path, Func<Task<string?>> IfMatch);

    // Where each example is sent: records made for it, and who may send it.
    private async Task<Dictionary<string, Target>> TargetsAsync()
    {
        var opened = await Call(HttpMethod.Post, "cases", "sophie", new { type = "housingFirst", person = new { displayName = "Example Person" } });
        var caseId = opened.Field("id");
        var personId = opened.Json.GetProperty("person").GetProperty("id").GetString()!;
        await Call(HttpMethod.Post, $"persons/{personId}/consents", "sophie", new { organisationIds = new[] { "habitat-asbl" }, scope = new[] { "case" }, expiresOn = "2027-06-30", evidence = "Signed form" });
        var organisation = await Call(HttpMethod.Post, "organisations", "marc", new { id = "examples-asbl", name = "Examples asbl", kind = "ngo" });
        var task = await Call(HttpMethod.Post, $"cases/{caseId}/tasks", "sophie", new { title = "Example task", dueOn = "2026-12-01" });
        var pendingReferral = await Call(HttpMethod.Post, $"cases/{caseId}/referrals", "sophie", new { toOrganisationId = "habitat-asbl", reason = "Example referral" });
        var secondCase = await Call(HttpMethod.Post, "cases", "sophie", new { type = "homelessness", personId });
        var acceptedReferral = await Call(HttpMethod.Post, $"cases/{secondCase.Field("id")}/referrals", "sophie", new { toOrganisationId = "habitat-asbl", reason = "Example referral" });
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"referrals/{acceptedReferral.Field("id")}/accept", "lena")).Status);
        Task<string?> None() => Task.FromResult<string?>(null);
        async Task<string?> CaseETag() => (await Call(HttpMethod.Get, $"cases/{caseId}", "sophie")).ETag;
        async Task<string?> OrganisationETag() => (await Call(HttpMethod.Get, "organisations?limit=200", "marc")).Status is HttpStatusCode.OK ? organisation.ETag : null;
        return new Dictionary<string, Target>(StringComparer.Ordinal)
        {
            ["CreateCase"] = new("sophie", "cases", None),
            ["UpdateCase"] = new("sophie", $"cases/{caseId}", CaseETag),
            ["AddNote"] = new("sophie", $"cases/{caseId}/notes", None),
            ["RecordConsent"] = new("sophie", $"persons/{personId}/consents", None),
            ["CreateReferral"] = new("sophie", $"cases/{caseId}/referrals", None),
            ["DeclineReferral"] = new("lena", $"referrals/{pendingReferral.Field("id")}/decline", None),
            ["CompleteReferral"] = new("lena", $"referrals/{acceptedReferral.Field("id")}/complete", None),
            ["LogContact"] = new("karim", "contacts", None),
            ["SubmitContactBatch"] = new("karim", "contacts/batch", None),
            ["CreateOrganisation"] = new("marc", "organisations", None),
            ["UpdateOrganisation"] = new("marc", "organisations/examples-asbl", OrganisationETag),
            ["GrantMembership"] = new("marc", "organisations/habitat-asbl/members/example-member", None),
            ["CreateTask"] = new("sophie", $"cases/{caseId}/tasks", None),
            ["SetReferenceAddress"] = new("sophie", $"persons/{personId}/reference-address", None),
            ["RecordCheckIn"] = new("sophie", $"persons/{personId}/reference-address/check-ins", None),
            ["UpdateTask"] = new("sophie", $"tasks/{task.Field("id")}", () => Task.FromResult<string?>("*")),
            ["ReplayPoisonMessages"] = new("ops", "admin/poison/contact-intake/replay", None),
            ["CreateSubscription"] = new("habitat-app", "subscriptions", None),
            ["MatchPerson"] = new("sophie", "persons/match", None),
            ["OpenNightCount"] = new("marc", "counts", None),
            ["LinkPersons"] = new("sophie", $"persons/{personId}/links", None),
            // A well-formed id of no request: the body is checked first, and the example is then answered 404.
            ["ReferMatchRequest"] = new("sophie", "match-requests/mr0000000000000000001aaaaaaaa-bbbbbbbb/refer", None),
        };
    }

    private sealed class ExampleHosts : InclusionCases.Functions.Webhooks.WebhookHosts
    {
        public override Task<IReadOnlyCollection<System.Net.IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken) =>
            host.EndsWith(".example", StringComparison.Ordinal) ? Task.FromResult<IReadOnlyCollection<System.Net.IPAddress>>([System.Net.IPAddress.Parse("93.184.215.14")]) : base.ResolveAsync(host, cancellationToken);
    }
}
