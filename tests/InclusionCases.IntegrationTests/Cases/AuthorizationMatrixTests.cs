using System.Net;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Pipeline;
using InclusionCases.IntegrationTests.Contacts;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Functions.Hosting;
using InclusionCases.LocalHost.Discovery;
using InclusionCases.Tools.Demo;

namespace InclusionCases.IntegrationTests.Cases;

/// <summary>
/// Every HTTP route of the app, as the local host discovers it, called by every demo user against
/// a case led by ixelles-cpas in which habitat-asbl takes part (with consent, and again after the
/// consent is revoked). A route missing from <see cref="Matrix"/> fails the test, so no route ships
/// without its access decided. A 404 must not give away anything of the case. A role that may never
/// perform a route's operation gets 403 before any record is looked at, so that answer is the same
/// for every id and tells nothing either.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class AuthorizationMatrixTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    // A well-formed id of no match request, for the calls made without a situation's own.
    private const string NoMatchRequest = "mr0000000000000000001aaaaaaaa-bbbbbbbb";

    private static readonly string[] Users = [.. DemoDirectory.Users.Select(u => u.Login)];

    // Before the matrix, which uses it as it is built.
    private static readonly object NightCountBody = new
    {
        night = InclusionCases.Domain.Time.PlausibleDates.Today(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        from = "23:00",
        to = "01:00",
        zones = new[] { "Flagey" },
    };

    /// <summary>Per route: how to call it on a prepared case, and the status each user gets (with consent; after revocation).</summary>
    private static readonly Dictionary<string, MatrixRoute> Matrix = new()
    {
        ["GetHealth"] = new(_ => (HttpMethod.Get, "health", null), All(200), All(200)),
        ["GetMe"] = new(_ => (HttpMethod.Get, "me", null), All(200), All(200)),
        ["GetOpenApi"] = new(_ => (HttpMethod.Get, "openapi.json", null), All(200), All(200)),
        ["CreateCase"] = new(
            _ => (HttpMethod.Post, "cases", new { type = "homelessness", person = new { displayName = "New Person" } }),
            Expect(sophie: 201, thomas: 201, lena: 201, app: 403, others: 403),
            Expect(sophie: 201, thomas: 201, lena: 201, app: 403, others: 403)),
        ["ListCases"] = new(
            _ => (HttpMethod.Get, "cases", null),
            Expect(sophie: 200, thomas: 200, lena: 200, app: 200, others: 403),
            Expect(sophie: 200, thomas: 200, lena: 200, app: 200, others: 403)),
        // The case's tasks are seen by whoever sees the case; the lists are each organisation's own.
        ["ListTasks"] = new(
            _ => (HttpMethod.Get, "tasks?status=all", null),
            Expect(sophie: 200, thomas: 200, lena: 200, app: 200, others: 403),
            Expect(sophie: 200, thomas: 200, lena: 200, app: 200, others: 403)),
        ["GetTask"] = new(
            c => (HttpMethod.Get, $"tasks/{c.TaskId}", null),
            Expect(sophie: 200, thomas: 404, lena: 200, app: 200, others: 403),
            Expect(sophie: 200, thomas: 404, lena: 404, app: 404, others: 403),
            NeedsProjection: true),
        // A participant writes its own tasks on the case; a task is changed by its organisation only.
        ["CreateTask"] = new(
            c => (HttpMethod.Post, $"cases/{c.CaseId}/tasks", new { title = "Matrix task", dueOn = CaseScenario.NextWeek }),
            Expect(sophie: 201, thomas: 404, lena: 201, app: 403, others: 403),
            Expect(sophie: 201, thomas: 404, lena: 404, app: 403, others: 403)),
        ["UpdateTask"] = new(
            c => (HttpMethod.Patch, $"tasks/{c.TaskId}", new { status = "done" }),
            Expect(sophie: 200, thomas: 404, lena: 403, app: 403, others: 403),
            Expect(sophie: 200, thomas: 404, lena: 404, app: 403, others: 403),
            IfMatch: "*",
            NeedsProjection: true),
        // The reference address is kept by a CPAS holding the person; check-ins by that CPAS only.
        ["SetReferenceAddress"] = new(
            c => (HttpMethod.Put, $"persons/{c.PersonId}/reference-address", new { since = CaseScenario.LastMonth, lastCheckIn = CaseScenario.LastMonth }),
            Expect(sophie: 200, thomas: 404, lena: 403, app: 403, others: 403),
            Expect(sophie: 200, thomas: 404, lena: 404, app: 403, others: 403)),
        ["RecordCheckIn"] = new(
            c => (HttpMethod.Post, $"persons/{c.PersonId}/reference-address/check-ins", new { id = Guid.NewGuid().ToString(), on = CaseScenario.Yesterday }),
            Expect(sophie: 201, thomas: 404, lena: 403, app: 403, others: 403),
            Expect(sophie: 201, thomas: 404, lena: 404, app: 403, others: 403)),
        ["GetCase"] = new(
            c => (HttpMethod.Get, $"cases/{c.CaseId}", null),
            Expect(sophie: 200, thomas: 404, lena: 200, app: 200, others: 403),
            Expect(sophie: 200, thomas: 404, lena: 404, app: 404, others: 403)),
        ["UpdateCase"] = new(
            c => (HttpMethod.Patch, $"cases/{c.CaseId}", new { assignedWorkerId = "w-1" }),
            Expect(sophie: 200, thomas: 404, lena: 200, app: 403, others: 403),
            Expect(sophie: 200, thomas: 404, lena: 404, app: 403, others: 403),
            SendsIfMatch: true),
        ["AddNote"] = new(
            c => (HttpMethod.Post, $"cases/{c.CaseId}/notes", new { text = "Seen today", visibility = "shared" }),
            Expect(sophie: 201, thomas: 404, lena: 201, app: 201, others: 403),
            Expect(sophie: 201, thomas: 404, lena: 404, app: 404, others: 403)),
        ["GetTimeline"] = new(
            c => (HttpMethod.Get, $"cases/{c.CaseId}/timeline", null),
            Expect(sophie: 200, thomas: 404, lena: 200, app: 200, others: 403),
            Expect(sophie: 200, thomas: 404, lena: 404, app: 404, others: 403)),
        ["CreateReferral"] = new(
            c => (HttpMethod.Post, $"cases/{c.CaseId}/referrals", new { toOrganisationId = "jette-cpas", reason = "Reference address" }),
            Expect(sophie: 201, thomas: 404, lena: 403, app: 403, others: 403),
            Expect(sophie: 201, thomas: 404, lena: 404, app: 403, others: 403)),
        ["RecordConsent"] = new(
            c => (HttpMethod.Post, $"persons/{c.PersonId}/consents", new { organisationIds = new[] { "habitat-asbl" }, scope = new[] { "case" }, expiresOn = CaseScenario.NextYear, evidence = "Form" }),
            Expect(sophie: 201, thomas: 404, lena: 403, app: 403, others: 403),
            Expect(sophie: 201, thomas: 404, lena: 404, app: 403, others: 403)),
        ["RevokeConsent"] = new(
            c => (HttpMethod.Delete, $"persons/{c.PersonId}/consents/{c.ConsentId}", null),
            Expect(sophie: 204, thomas: 404, lena: 403, app: 403, others: 403),
            Expect(sophie: 204, thomas: 404, lena: 404, app: 403, others: 403)),
        ["ListReferrals"] = new(
            _ => (HttpMethod.Get, "referrals?direction=incoming", null),
            Expect(sophie: 200, thomas: 200, lena: 200, app: 200, others: 403),
            Expect(sophie: 200, thomas: 200, lena: 200, app: 200, others: 403)),
        ["AcceptReferral"] = new(
            c => (HttpMethod.Post, $"referrals/{c.PendingReferralId}/accept", null),
            Expect(sophie: 403, thomas: 404, lena: 200, app: 200, others: 403),
            Expect(sophie: 403, thomas: 404, lena: 404, app: 404, others: 403)),
        ["DeclineReferral"] = new(
            c => (HttpMethod.Post, $"referrals/{c.PendingReferralId}/decline", null),
            Expect(sophie: 403, thomas: 404, lena: 200, app: 200, others: 403),
            Expect(sophie: 403, thomas: 404, lena: 404, app: 404, others: 403)),
        // The referring lead withdraws a pending referral; the referred organisation completes an accepted one.
        ["WithdrawReferral"] = new(
            c => (HttpMethod.Post, $"referrals/{c.PendingReferralId}/withdraw", null),
            Expect(sophie: 200, thomas: 404, lena: 403, app: 403, others: 403),
            Expect(sophie: 200, thomas: 404, lena: 404, app: 403, others: 403)),
        ["CompleteReferral"] = new(
            c => (HttpMethod.Post, $"referrals/{c.AcceptedReferralId}/complete", new { outcome = "Moved into a flat in Schaerbeek." }),
            Expect(sophie: 403, thomas: 404, lena: 200, app: 200, others: 403),
            Expect(sophie: 403, thomas: 404, lena: 404, app: 404, others: 403)),
        // Only the lead ends a participant's part, consent or not.
        ["EndParticipation"] = new(
            c => (HttpMethod.Delete, $"cases/{c.CaseId}/participants/habitat-asbl", null),
            Expect(sophie: 204, thomas: 404, lena: 403, app: 403, others: 403),
            Expect(sophie: 204, thomas: 404, lena: 404, app: 403, others: 403)),
        ["GetOutreach"] = new(
            c => (HttpMethod.Get, $"cases/{c.CaseId}/outreach", null),
            Expect(sophie: 200, thomas: 404, lena: 200, app: 200, others: 403),
            Expect(sophie: 200, thomas: 404, lena: 404, app: 404, others: 403)),
        ["LogContact"] = new(
            _ => (HttpMethod.Post, "contacts", ContactScenario.Contact()),
            Mediator(201),
            Mediator(201)),
        ["SubmitContactBatch"] = new(
            _ => (HttpMethod.Post, "contacts/batch", new { contacts = new[] { ContactScenario.Contact() } }),
            Mediator(202),
            Mediator(202)),
        ["GetContactBatch"] = new(c => (HttpMethod.Get, $"contacts/batch/{c.BatchId}", null), Mediator(200), Mediator(200)),
        ["ListContacts"] = new(_ => (HttpMethod.Get, "contacts", null), Mediator(200), Mediator(200)),
        ["ListPoisonMessages"] = new(_ => (HttpMethod.Get, "admin/poison", null), Operator(200), Operator(200)),
        ["GetOperationsStatus"] = new(_ => (HttpMethod.Get, "admin/status", null), Operator(200), Operator(200)),
        ["ListAudit"] = new(c => (HttpMethod.Get, $"audit?personId={c.PersonId}", null), Auditor(200), Auditor(200)),
        ["GetSummaryReport"] = new(_ => (HttpMethod.Get, "reports/summary", null), ReportReaders(200), ReportReaders(200)),
        ["GetBreakdownReport"] = new(_ => (HttpMethod.Get, "reports/breakdown?measure=personsSeen&by=zone,gender", null), ReportReaders(200), ReportReaders(200)),
        ["OpenNightCount"] = new(_ => (HttpMethod.Post, "counts", NightCountBody), Coordinator(201), Coordinator(201)),
        ["GetNightCount"] = new(c => (HttpMethod.Get, $"counts/{c.NightCountId ?? "nc0000000000000000"}", null), ReportReaders(200), ReportReaders(200), NeedsNightCount: true),
        ["ErasePerson"] = new(c => (HttpMethod.Post, $"persons/{c.PersonId}/erase", null), Auditor(200), Auditor(200)),
        ["ExportPerson"] = new(c => (HttpMethod.Get, $"persons/{c.PersonId}/export", null), Auditor(200), Auditor(200)),
        ["ReplayPoisonMessages"] = new(c => (HttpMethod.Post, $"admin/poison/{c.ContactIntakeQueue}/replay", null), Operator(200), Operator(200)),
        ["ListOrganisations"] = new(_ => (HttpMethod.Get, "organisations?kind=cpas", null), All(200), All(200)),
        ["GetOrganisation"] = new(_ => (HttpMethod.Get, "organisations/habitat-asbl", null), All(200), All(200)),
        ["CreateOrganisation"] = new(
            _ => (HttpMethod.Post, "organisations", new { id = "matrix-" + Guid.NewGuid().ToString("N")[..12], name = "Matrix Org", kind = "ngo" }),
            Coordinator(201),
            Coordinator(201)),
        ["UpdateOrganisation"] = new(_ => (HttpMethod.Patch, "organisations/jette-cpas", new { acceptsReferrals = true }), Coordinator(200), Coordinator(200), IfMatch: "*"),
        // A Coordinator reads any organisation's members; a SocialWorker only their own organisation's.
        ["ListMembers"] = new(
            _ => (HttpMethod.Get, "organisations/habitat-asbl/members", null),
            Users.ToDictionary(u => u, u => u is "marc" or "lena" ? 200 : 403),
            Users.ToDictionary(u => u, u => u is "marc" or "lena" ? 200 : 403)),
        ["GrantMembership"] = new(c => (HttpMethod.Put, $"organisations/habitat-asbl/members/{c.MemberOid}", new { name = "Matrix Member" }), Coordinator(200), Coordinator(200)),
        ["EndMembership"] = new(c => (HttpMethod.Delete, $"organisations/habitat-asbl/members/{c.MemberOid}", null), Coordinator(204), Coordinator(204)),
        // Subscriptions are an organisation's own, for its Partners and Coordinators: habitat-asbl's are habitat-app's, and marc
        // (a Coordinator elsewhere) meets them as ids that do not exist. Consent does not come into it: events are checked when sent.
        ["CreateSubscription"] = new(
            // To an event the matrix never causes (no expiry timer runs here): nothing is sent to a receiver that is not there.
            _ => (HttpMethod.Post, "subscriptions", new { url = "http://127.0.0.1:9/matrix", events = new[] { "referral.expired" } }),
            Subscriber(app: 201, marc: 201),
            Subscriber(app: 201, marc: 201)),
        ["ListSubscriptions"] = new(_ => (HttpMethod.Get, "subscriptions", null), Subscriber(app: 200, marc: 200), Subscriber(app: 200, marc: 200)),
        ["GetSubscription"] = new(c => (HttpMethod.Get, $"subscriptions/{c.SubscriptionId}", null), Subscriber(app: 200, marc: 404), Subscriber(app: 200, marc: 404)),
        ["ListDeliveries"] = new(c => (HttpMethod.Get, $"subscriptions/{c.SubscriptionId}/deliveries", null), Subscriber(app: 200, marc: 404), Subscriber(app: 200, marc: 404)),
        ["RedeliverEvent"] = new(c => (HttpMethod.Post, $"subscriptions/{c.SubscriptionId}/deliveries/{c.EventId}/redeliver", null), Subscriber(app: 202, marc: 404), Subscriber(app: 202, marc: 404)),
        ["DeleteSubscription"] = new(c => (HttpMethod.Delete, $"subscriptions/{c.SubscriptionId}", null), Subscriber(app: 204, marc: 404), Subscriber(app: 204, marc: 404)),
        // Matching looks only among what the caller may see, so every matcher gets 200 whoever holds what.
        ["MatchPerson"] = new(_ => (HttpMethod.Post, "persons/match", new { displayName = "Nobody Known Here", birthYear = 1950 }), Matcher(200), Matcher(200)),
        // Incoming requests name the holder's person: not for a Mediator, who reads no case file.
        ["ListMatchRequests"] = new(
            _ => (HttpMethod.Get, "match-requests?direction=incoming", null),
            Expect(sophie: 200, thomas: 200, lena: 200, app: 200, others: 403),
            Expect(sophie: 200, thomas: 200, lena: 200, app: 200, others: 403)),
        // The request thomas's match call sent to ixelles-cpas, the holder: only its SocialWorker refers (with a consent covering
        // jette-cpas, before and after the revocation), its SocialWorkers and Partners may dismiss; another organisation meets an unknown id.
        ["ReferMatchRequest"] = new(
            c => (HttpMethod.Post, $"match-requests/{c.MatchRequestId ?? NoMatchRequest}/refer", new { caseId = c.CaseId }),
            Expect(sophie: 200, thomas: 404, lena: 404, app: 403, others: 403),
            Expect(sophie: 200, thomas: 404, lena: 404, app: 403, others: 403),
            NeedsMatchRequest: true),
        ["DismissMatchRequest"] = new(
            c => (HttpMethod.Post, $"match-requests/{c.MatchRequestId ?? NoMatchRequest}/dismiss", null),
            Expect(sophie: 200, thomas: 404, lena: 404, app: 404, others: 403),
            Expect(sophie: 200, thomas: 404, lena: 404, app: 404, others: 403),
            NeedsMatchRequest: true),
        // Two records of one person are linked by a SocialWorker holding both (lena sees the first only as a participant) or the auditor.
        ["LinkPersons"] = new(
            c => (HttpMethod.Post, $"persons/{c.PersonId}/links", new { otherPersonId = c.OtherPersonId ?? "paaaaaaaaaaaaaaaa", evidence = "Same identity card" }),
            Linker(sophie: 201, lena: 403),
            Linker(sophie: 201, lena: 404),
            NeedsLink: true),
        ["SplitPersons"] = new(
            c => (HttpMethod.Delete, $"persons/{c.PersonId}/links/{c.LinkId ?? "laaaaaaaaaaaa"}", null),
            Linker(sophie: 204, lena: 403),
            Linker(sophie: 204, lena: 404),
            NeedsLink: true),
    };

    private WebhookReceiver? _receiver;

    // habitat-asbl's subscription and a delivered event of it, kept across situations until a route deletes or redelivers them.
    private string? _subscriptionId;
    private string? _eventId;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
    }

    [Fact]
    public void Matrix_CoversEveryDiscoveredRoute()
    {
        var routes = FunctionCatalog.Discover([typeof(HttpApi).Assembly]).Http.Select(f => f.Name).ToHashSet();

        Assert.Empty(routes.Except(Matrix.Keys));
        Assert.Empty(Matrix.Keys.Except(routes));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryRoute_EveryDemoUser_GetsTheExpectedStatus(bool consentRevoked)
    {
        var failures = new List<string>();
        foreach (var (name, route) in Matrix)
        {
            var expected = consentRevoked ? route.AfterRevocation : route.WithConsent;
            Situation? situation = null;
            foreach (var user in Users)
            {
                // A fresh case after every successful write, so no user meets what an earlier one changed.
                // Refused calls change nothing, so the case is reused across them.
                situation ??= await PrepareAsync(consentRevoked);
                var secrets = situation.Secrets;
                if (route.NeedsLink && situation.OtherPersonId is null)
                {
                    situation = await WithLinkAsync(situation, linked: name == "SplitPersons");
                }

                if (route.NeedsMatchRequest && situation.MatchRequestId is null)
                {
                    situation = situation with { MatchRequestId = await MatchRequestAsync(situation) };
                }

                if (route.NeedsNightCount && situation.NightCountId is null)
                {
                    situation = situation with { NightCountId = (await Call(HttpMethod.Post, "counts", "marc", NightCountBody)).Field("id") };
                }

                if (route.NeedsProjection)
                {
                    // The derived task exists once the projector has run on the person.
                    await Host.WaitForProjectionAsync(situation.PersonId);
                }

                var (method, path, body) = route.Request(situation);
                var ifMatch = route.IfMatch;
                if (route.SendsIfMatch)
                {
                    ifMatch = (await Call(HttpMethod.Get, $"cases/{situation.CaseId}", "sophie")).ETag;
                }

                var call = await Call(method, path, user, body, ifMatch);
                // A match call changes nothing of the case.
                if (method != HttpMethod.Get && call.Status < HttpStatusCode.BadRequest && name != "MatchPerson")
                {
                    situation = null;
                    (_subscriptionId, _eventId) = name switch
                    {
                        "DeleteSubscription" => (null, null),
                        "RedeliverEvent" => (_subscriptionId, null),
                        _ => (_subscriptionId, _eventId),
                    };
                }

                if ((int)call.Status != expected[user])
                {
                    failures.Add($"{name} as {user}: expected {expected[user]}, got {(int)call.Status} {call.Body}");
                }

                if (call.Status == HttpStatusCode.NotFound && secrets.FirstOrDefault(s => call.Body.Contains(s, StringComparison.Ordinal)) is { } leaked)
                {
                    failures.Add($"{name} as {user}: the 404 body gives away '{leaked}'");
                }

                if (name is not ("GetHealth" or "GetOpenApi") && call.Headers.CacheControl?.NoStore != true)
                {
                    failures.Add($"{name} as {user}: no Cache-Control: no-store");
                }

                if (call.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone && await LatestAuditOfAsync(user) is var latest && latest != "denied")
                {
                    failures.Add($"{name} as {user}: refused with {(int)call.Status} but the actor's latest audit entry is '{latest}'");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task EveryRouteButHealth_WithoutToken_Is401()
    {
        var situation = await PrepareAsync(consentRevoked: false);
        foreach (var (name, route) in Matrix)
        {
            var (method, path, body) = route.Request(situation);

            var call = await Call(method, path, login: null, body);

            Assert.True(name is "GetHealth" or "GetOpenApi" ? call.Status == HttpStatusCode.OK : call.Status == HttpStatusCode.Unauthorized, $"{name}: {(int)call.Status}");
        }
    }

    // The outcome of the actor's newest audit entry (a refusal is settled before the answer goes out),
    // passing over the dpo's own reading of the log that this check makes.
    private async Task<string?> LatestAuditOfAsync(string login)
    {
        var actorId = DemoDirectory.Find(login)!.ObjectId;
        var entries = await Call(HttpMethod.Get, $"audit?actorId={actorId}&limit=3", "dpo");
        return entries.Json.GetProperty("items").EnumerateArray()
            .Where(i => login != "dpo" || i.GetProperty("action").GetString() != "audit.read")
            .Select(i => i.GetProperty("outcome").GetString())
            .FirstOrDefault();
    }

    /// <summary>A case led by ixelles-cpas, person consenting for habitat-asbl and jette-cpas, habitat-asbl a participant, a pending referral too.</summary>
    private async Task<Situation> PrepareAsync(bool consentRevoked)
    {
        var subscriptionId = _subscriptionId ??= await HabitatSubscriptionAsync();
        var displayName = "Matrix Person " + Guid.NewGuid().ToString("N")[..8];
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host, displayName: displayName);
        var consentId = await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl", "jette-cpas"]);
        var referralId = await CaseScenario.ReferAsync(Host, caseId, "habitat-asbl");
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"referrals/{referralId}/accept", "lena")).Status);

        // A second case of the same person with a referral to habitat-asbl still pending.
        var pendingCase = await Call(HttpMethod.Post, "cases", "sophie", new { type = "homelessness", personId });
        var pendingReferralId = await CaseScenario.ReferAsync(Host, pendingCase.Field("id"), "habitat-asbl");
        if (consentRevoked)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await Call(HttpMethod.Delete, $"persons/{personId}/consents/{consentId}", "sophie")).Status);
            // A fresh consent for jette-cpas only, so sophie can still refer there and revoke something.
            consentId = await CaseScenario.RecordConsentAsync(Host, personId, ["jette-cpas"]);
        }

        var address = await Call(HttpMethod.Put, $"persons/{personId}/reference-address", "sophie", new { since = CaseScenario.LastMonth, lastCheckIn = CaseScenario.LastMonth });
        Assert.True(address.Status == HttpStatusCode.OK, address.Body);

        // A consent for jette-cpas ending in ten days: the projector gives the case a consentExpiry task.
        var endingConsentId = await CaseScenario.RecordConsentAsync(Host, personId, ["jette-cpas"], expiresOn: DateTime.UtcNow.AddDays(10));
        var taskId = InclusionCases.Functions.PersonFile.RecordIds.DerivedTaskId(personId, caseId, InclusionCases.Domain.Tasks.TaskKind.ConsentExpiry, endingConsentId);

        var batch = await ApiCall.SendAsync(Host, HttpMethod.Post, "contacts/batch", "karim", new { contacts = new[] { ContactScenario.Contact(personId) } });
        Assert.Equal(HttpStatusCode.Accepted, batch.Status);
        // A member of habitat-asbl (not a demo user) for the member routes to change.
        var memberOid = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Put, $"organisations/habitat-asbl/members/{memberOid}", "marc", new { name = "Matrix Member" })).Status);
        // The referrals above (or, after the revocation, the end of habitat-asbl's part) were told to its receiver: the newest delivered event is redelivered.
        var eventId = _eventId ??= await Eventually.WaitForAsync(
            async () => (await Call(HttpMethod.Get, $"subscriptions/{subscriptionId}/deliveries", "habitat-app")).Json.GetProperty("items").EnumerateArray()
                .Where(d => d.GetProperty("status").GetString() == "delivered").Select(d => d.GetProperty("eventId").GetString()).FirstOrDefault(),
            id => id is not null, TimeSpan.FromSeconds(30), "a delivered event");
        return new Situation(caseId, personId, consentId, referralId, pendingReferralId, batch.Field("batchId"), Host.QueueName("ContactIntakeQueue"), memberOid, taskId, subscriptionId, eventId!, [caseId, personId, displayName, "diabetes"]);
    }

    // A second record that ixelles-cpas holds, linked to the situation's person for a split.
    private async Task<Situation> WithLinkAsync(Situation situation, bool linked)
    {
        var (_, otherPersonId, _) = await CaseScenario.OpenCaseAsync(Host, displayName: "Matrix Twin " + Guid.NewGuid().ToString("N")[..8]);
        if (!linked)
        {
            return situation with { OtherPersonId = otherPersonId };
        }

        var link = await Call(HttpMethod.Post, $"persons/{situation.PersonId}/links", "sophie", new { otherPersonId, evidence = "Same identity card" });
        Assert.True(link.Status == HttpStatusCode.Created, link.Body);
        return situation with { OtherPersonId = otherPersonId, LinkId = link.Field("id") };
    }

    // thomas (jette-cpas) describes the situation's person by a national number it now has: ixelles-cpas, its holder, gets a match request.
    private async Task<string> MatchRequestAsync(Situation situation)
    {
        var niss = Matching.MatchingScenario.NewNiss();
        var numbered = await Call(HttpMethod.Patch, $"cases/{situation.CaseId}", "sophie", new { person = new { identifiers = new[] { new { scheme = "niss", value = niss } } } }, ifMatch: "*");
        Assert.True(numbered.Status == HttpStatusCode.OK, numbered.Body);
        await Host.WaitForProjectionAsync(situation.PersonId);
        var match = await Matching.MatchingScenario.MatchAsync(Host, "thomas", new { birthYear = 1971, identifiers = new[] { new { scheme = "niss", value = niss } } });
        Assert.True(match.Status == HttpStatusCode.OK, match.Body);
        return (await Matching.MatchingScenario.IncomingForAsync(Host, "sophie", situation.PersonId)).GetProperty("id").GetString()!;
    }

    // habitat-asbl's subscription to referrals, at a receiver that takes everything; made again once the matrix deleted it.
    private async Task<string> HabitatSubscriptionAsync()
    {
        _receiver ??= await WebhookReceiver.StartAsync();
        var listed = (await Call(HttpMethod.Get, "subscriptions", "habitat-app")).Json.GetProperty("items").EnumerateArray()
            .FirstOrDefault(s => s.GetProperty("url").GetString() == _receiver.Url);
        if (listed.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            return listed.GetProperty("id").GetString()!;
        }

        var created = await Call(HttpMethod.Post, "subscriptions", "habitat-app", new { url = _receiver.Url, events = new[] { "referral.received", "case.participationEnded" } });
        Assert.True(created.Status == HttpStatusCode.Created, created.Body);
        return created.Field("id");
    }

    private static Dictionary<string, int> All(int status) => Users.ToDictionary(u => u, _ => status);

    private static Dictionary<string, int> Expect(int sophie, int thomas, int lena, int app, int others) =>
        Users.ToDictionary(u => u, u => u switch
        {
            "sophie" => sophie,
            "thomas" => thomas,
            "lena" => lena,
            "habitat-app" => app,
            _ => others,
        });

    private static Dictionary<string, int> Mediator(int status) => Users.ToDictionary(u => u, u => u == "karim" ? status : 403);

    private static Dictionary<string, int> Auditor(int status) => Users.ToDictionary(u => u, u => u == "dpo" ? status : 403);

    private static Dictionary<string, int> ReportReaders(int status) => Users.ToDictionary(u => u, u => u is "marc" or "dpo" ? status : 403);

    private static Dictionary<string, int> Coordinator(int status) => Users.ToDictionary(u => u, u => u == "marc" ? status : 403);

    private static Dictionary<string, int> Operator(int status) => Users.ToDictionary(u => u, u => u == "ops" ? status : 403);

    private static Dictionary<string, int> Matcher(int status) => Users.ToDictionary(u => u, u => u is "sophie" or "thomas" or "lena" or "karim" or "habitat-app" ? status : 403);

    private static Dictionary<string, int> Linker(int sophie, int lena) => Users.ToDictionary(u => u, u => u switch
    {
        "sophie" => sophie,
        "lena" => lena,
        "thomas" => 404,
        "dpo" => sophie,
        _ => 403,
    });

    private static Dictionary<string, int> Subscriber(int app, int marc) => Users.ToDictionary(u => u, u => u switch
    {
        "habitat-app" => app,
        "marc" => marc,
        _ => 403,
    });

    private sealed record Situation(string CaseId, string PersonId, string ConsentId, string AcceptedReferralId, string PendingReferralId, string BatchId, string ContactIntakeQueue, string MemberOid, string TaskId, string SubscriptionId, string EventId, string[] Secrets)
    {
        /// <summary>The match request sent to ixelles-cpas about the person, made when a route needs it.</summary>
        public string? MatchRequestId { get; init; }

        /// <summary>Another record ixelles-cpas holds, and the link between the two when a route needs one.</summary>
        public string? OtherPersonId { get; init; }

        public string? LinkId { get; init; }

        /// <summary>A night count opened by marc, when a route needs one.</summary>
        public string? NightCountId { get; init; }
    }

    private sealed record MatrixRoute(
        Func<Situation, (HttpMethod Method, string Path, object? Body)> Request,
        Dictionary<string, int> WithConsent,
        Dictionary<string, int> AfterRevocation,
        bool SendsIfMatch = false,
        string? IfMatch = null,
        bool NeedsProjection = false,
        bool NeedsMatchRequest = false,
        bool NeedsLink = false,
        bool NeedsNightCount = false);
}
