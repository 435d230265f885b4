using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.PersonFile;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Tools.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Access;

/// <summary>
/// Model-based test of who may see and change a person. Random sequences (fixed seeds) of create,
/// open-case-for-person, consent, refer, accept, decline, revoke, patch person, note, operations status,
/// directory or member list, match, link or split, and erase, by
/// random demo users, against a real host. A small model of the trust rules (holders, participants,
/// consents, erasure) predicts which steps succeed; after every step an oracle checks, through the
/// API, that no organisation reads a case or <c>person.sensitive</c> beyond what a holder's active
/// consent grants, and, in the person's stored file, that the person fields, consents, leads and
/// participants are exactly what the allowed steps made them: nobody outside the holders changed them.
/// </summary>
/// <remarks>
/// It writes hundreds of thousands of rows, so it has an Azurite of its own (a class fixture), stopped
/// with it: the shared one stays as fast for the other tests. Collections run one after the other.
/// </remarks>
public sealed class PersonAccessModelTests(AzuriteFixture azurite) : HostedTest(azurite), IClassFixture<AzuriteFixture>
{
    private const int Sequences = 500;
    private const int Steps = 20;
    private const int Seed = 20261126;

    // Azurite's cost per query grows with the table; each group of sequences gets fresh tables (a host of its own).
    private const int SequencesPerHost = 50;

    // The oracle reads through the API (every other organisation, every case) after every this-many steps and after the last.
    private const int ApiCheckEvery = 5;

    private static readonly string[] Organisations = ["ixelles-cpas", "jette-cpas", "habitat-asbl"];
    private static readonly Dictionary<string, string> SocialWorkerOf = new() { ["ixelles-cpas"] = "sophie", ["jette-cpas"] = "thomas", ["habitat-asbl"] = "lena" };

    // Social workers act most; the other roles appear often enough to be refused along the way.
    private static readonly string[] Actors = ["sophie", "sophie", "thomas", "thomas", "lena", "lena", "habitat-app", "karim", "marc", "dpo", "ops"];

    [Fact]
    public async Task RandomSequences_NoOrganisationSeesBeyondConsent_OnlyHoldersChangeThePerson()
    {
        var failures = new ConcurrentBag<string>();
        for (var first = 0; first < Sequences && failures.IsEmpty; first += SequencesPerHost)
        {
            await using var host = await TestHost.StartAsync(Azurite.ConnectionString, runTriggers: false);
            try
            {
                await RunGroupAsync(host, first, failures);
            }
            finally
            {
                await DeleteStorageOfAsync(host);
            }
        }

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(3)));
    }

    private static async Task RunGroupAsync(TestHost host, int first, ConcurrentBag<string> failures)
    {
        // habitat-asbl subscribes to every event type: the sequences read its log and list subscriptions.
        var subscribed = await ApiCall.SendAsync(host, HttpMethod.Post, "subscriptions", "habitat-app", new { url = "http://127.0.0.1:9/hooks", events = InclusionCases.Domain.Webhooks.WebhookEventTypes.All });
        Assert.Equal(HttpStatusCode.Created, subscribed.Status);
        var subscriptionId = subscribed.Field("id");
        using var stop = new CancellationTokenSource();
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(first, SequencesPerHost),
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stop.Token },
                async (sequence, _) =>
                {
                    var log = new List<string>();
                    try
                    {
                        await new Run(host, subscriptionId).SequenceAsync(new Random(Seed + sequence), log);
                    }
                    catch (InvalidOperationException ex)
                    {
                        failures.Add($"sequence {sequence} (seed {Seed + sequence}):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", log)}{Environment.NewLine}  => {ex.Message}");
                        await stop.CancelAsync();
                    }
                });
        }
        catch (OperationCanceledException) when (!failures.IsEmpty)
        {
            // Stopped at the first failing sequence: reported by the test.
        }
    }

    // Tens of thousands of rows a group: gone once checked, so the shared Azurite stays as fast for the tests after this one.
    private async Task DeleteStorageOfAsync(TestHost host)
    {
        var tables = new Azure.Data.Tables.TableServiceClient(Azurite.ConnectionString);
        foreach (var table in InclusionCases.Functions.Storage.TableNames.All)
        {
            await tables.DeleteTableAsync(host.TablePrefix + table);
        }

        var queues = new Azure.Storage.Queues.QueueServiceClient(Azurite.ConnectionString);
        foreach (var queue in InclusionCases.Functions.Storage.QueueNames.Settings.Keys.Select(host.QueueName))
        {
            await queues.DeleteQueueAsync(queue);
            await queues.DeleteQueueAsync(queue + "-poison");
        }
    }

    /// <summary>One sequence against one host: its steps, and the oracle after each.</summary>
    private sealed class Run(TestHost host, string subscriptionId)
    {
        private readonly HashSet<string> _checkedEvents = [];

        private readonly Dictionary<string, string> _tokens = [];

        public async Task SequenceAsync(Random random, List<string> log)
        {
            var persons = new List<PersonModel>();
            await CreateAsync(persons, "sophie", log);
            for (var step = 1; step < Steps; step++)
            {
                var person = persons[random.Next(persons.Count)];
                var actor = PickActor(person, random);
                var kind = random.Next(100) switch
                {
                    < 5 => "create",
                    < 18 => "openCase",
                    < 34 => "consent",
                    < 46 => "refer",
                    < 56 => "accept",
                    < 60 => "decline",
                    < 62 => "withdraw",
                    < 64 => "complete",
                    < 65 => "endParticipation",
                    < 73 => "revoke",
                    < 83 => "patchPerson",
                    < 85 => "referenceAddress",
                    < 93 => "note",
                    < 95 => "task",
                    < 96 => random.Next(3) switch { 0 => "opsStatus", 1 => "match", _ => "breakdown" },
                    < 97 => random.Next(2) == 0 ? "organisations" : "subscriptions",
                    < 98 => random.Next(2) == 0 ? "tasks" : "link",
                    _ => "erase",
                };
                switch (kind)
                {
                    case "create":
                        if (persons.Count < 2)
                        {
                            await CreateAsync(persons, actor, log);
                            person = persons[^1];
                        }

                        break;
                    case "erase":
                        await EraseAsync(person, log);
                        if (person.LinkedTo is { } twin)
                        {
                            // Linked records are one person: erased together.
                            (twin.Erased, twin.DisplayName, twin.Health) = (true, "[erased]", null);
                        }

                        break;
                    case "link":
                        if (persons.Count == 2)
                        {
                            await LinkOrSplitAsync(persons[0], persons[1], actor, log);
                        }

                        break;
                    default:
                        await StepAsync(kind, person, actor, random, log);
                        break;
                }

                // A step names one person and changes nothing of another: that person is the one to check.
                await CheckAsync(person, throughApi: step % ApiCheckEvery == 0 || step == Steps - 1);
            }
        }

        // Mostly someone of an organisation that leads or takes part in one of the person's cases (where
        // the trust rules are tested); otherwise anyone.
        private static string PickActor(PersonModel person, Random random)
        {
            if (random.Next(10) < 6)
            {
                var related = person.Cases.SelectMany(c => c.Participants.Append(c.Lead)).Distinct().ToList();
                var organisation = related[random.Next(related.Count)];
                var candidates = Actors.Where(a => OrganisationOf(a) == organisation).ToArray();
                return candidates[random.Next(candidates.Length)];
            }

            return Actors[random.Next(Actors.Length)];
        }

        private async Task CreateAsync(List<PersonModel> persons, string actor, List<string> log)
        {
            var name = "Model " + Guid.NewGuid().ToString("N")[..8];
            var call = await SendAsync(HttpMethod.Post, "cases", actor, new { type = "housingFirst", person = new { displayName = name, sensitive = new { health = "h-" + name } } });
            log.Add($"{actor} creates a person: {(int)call.Status}");
            Expect(IsSocialWorker(actor), call, "create");
            if (call.Status == HttpStatusCode.Created)
            {
                var person = new PersonModel(call.Json.GetProperty("person").GetProperty("id").GetString()!) { DisplayName = name, Health = "h-" + name };
                person.Cases.Add(new CaseModel(call.Field("id"), OrganisationOf(actor)));
                persons.Add(person);
            }
        }

        private async Task StepAsync(string kind, PersonModel person, string actor, Random random, List<string> log)
        {
            var organisation = OrganisationOf(actor);
            var role = RoleOf(actor);
            var socialWorker = role == AppRole.SocialWorker;
            var holder = person.Holders.Contains(organisation);
            var someCase = person.Cases[random.Next(person.Cases.Count)];
            ApiCall call;
            bool allowed;
            switch (kind)
            {
                case "openCase":
                    allowed = socialWorker && holder && !person.Erased;
                    if (allowed && person.Cases.Count >= 3)
                    {
                        return; // more cases only make each check longer; refused attempts still run
                    }

                    call = await SendAsync(HttpMethod.Post, "cases", actor, new { type = "homelessness", personId = person.Id });
                    if (call.Status == HttpStatusCode.Created)
                    {
                        person.Cases.Add(new CaseModel(call.Field("id"), organisation));
                    }

                    break;
                case "consent":
                    var named = Organisations.Where(_ => random.Next(2) == 0).DefaultIfEmpty(Organisations[random.Next(3)]).ToArray();
                    var sensitive = random.Next(3) == 0;
                    call = await SendAsync(HttpMethod.Post, $"persons/{person.Id}/consents", actor, new
                    {
                        organisationIds = named, scope = sensitive ? new[] { "case", "sensitive" } : new[] { "case" }, evidence = "Form",
                        // Some end within 30 days, so the projector gives the person's cases consentExpiry tasks.
                        expiresOn = random.Next(3) == 0 ? DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : CaseScenario.NextYear,
                    });
                    allowed = socialWorker && holder && !person.Erased;
                    if (call.Status == HttpStatusCode.Created)
                    {
                        person.Consents.Add(new ConsentModel(call.Field("id"), [.. named], sensitive));
                    }

                    break;
                case "revoke":
                    if (person.Consents.Count == 0)
                    {
                        return;
                    }

                    var consent = person.Consents[random.Next(person.Consents.Count)];
                    call = await SendAsync(HttpMethod.Delete, $"persons/{person.Id}/consents/{consent.Id}", actor);
                    allowed = socialWorker && holder && !person.Erased;
                    if (call.Status == HttpStatusCode.NoContent)
                    {
                        consent.Revoked = true;
                    }

                    break;
                case "refer":
                    // Mostly an organisation a consent covers: the referrals that can succeed.
                    var covered = Organisations.Where(o => person.Covers(o, sensitive: false)).ToList();
                    var target = covered.Count > 0 && random.Next(10) < 7 ? covered[random.Next(covered.Count)] : Organisations[random.Next(3)];
                    call = await SendAsync(HttpMethod.Post, $"cases/{someCase.Id}/referrals", actor, new { toOrganisationId = target, reason = "Support" });
                    allowed = socialWorker && someCase.Lead == organisation && !person.Erased && target != someCase.Lead
                        && !someCase.Participants.Contains(target) && !person.Referrals.Any(r => r.CaseId == someCase.Id && r.To == target && r.Pending)
                        && person.Covers(target, sensitive: false);
                    if (call.Status == HttpStatusCode.Created)
                    {
                        person.Referrals.Add(new ReferralModel(call.Field("id"), someCase.Id, target));
                    }

                    break;
                case "accept" or "decline":
                    if (person.Referrals.Count == 0)
                    {
                        return;
                    }

                    var referral = person.Referrals[random.Next(person.Referrals.Count)];
                    var accept = kind == "accept";
                    if (random.Next(10) < 7)
                    {
                        // Mostly the referred organisation itself: the answers that can succeed.
                        var answering = Actors.Where(a => OrganisationOf(a) == referral.To).ToArray();
                        actor = answering[random.Next(answering.Length)];
                        (organisation, role) = (referral.To, RoleOf(actor));
                    }
                    call = await SendAsync(HttpMethod.Post, $"referrals/{referral.Id}/{kind}", actor);
                    allowed = organisation == referral.To && role is AppRole.SocialWorker or AppRole.Partner && referral.Pending
                        && person.Covers(referral.To, sensitive: false) && !person.Erased;
                    if (call.Status == HttpStatusCode.OK)
                    {
                        referral.Status = accept ? "accepted" : "declined";
                        if (accept)
                        {
                            person.Cases.Single(c => c.Id == referral.CaseId).Participants.Add(referral.To);
                        }
                    }

                    break;
                case "withdraw" or "complete":
                    if (person.Referrals.Count == 0)
                    {
                        return;
                    }

                    var moved = person.Referrals[random.Next(person.Referrals.Count)];
                    var movedCase = person.Cases.Single(c => c.Id == moved.CaseId);
                    var mover = kind == "withdraw" ? movedCase.Lead : moved.To;
                    if (random.Next(10) < 7)
                    {
                        // Mostly the side the move belongs to: the moves that can succeed.
                        var movers = Actors.Where(a => OrganisationOf(a) == mover).ToArray();
                        actor = movers[random.Next(movers.Length)];
                        (organisation, role) = (mover, RoleOf(actor));
                    }

                    call = await SendAsync(HttpMethod.Post, $"referrals/{moved.Id}/{kind}", actor, kind == "complete" ? new { outcome = "Done" } : null);
                    allowed = organisation == mover && !person.Erased && (kind == "withdraw"
                        ? role == AppRole.SocialWorker && moved.Pending
                        : role is AppRole.SocialWorker or AppRole.Partner && moved.Status == "accepted" && person.Sees(moved.To, movedCase));
                    if (call.Status == HttpStatusCode.OK)
                    {
                        moved.Status = kind == "withdraw" ? "withdrawn" : "completed";
                        if (kind == "complete")
                        {
                            movedCase.Participants.Remove(moved.To);
                        }
                    }

                    break;
                case "endParticipation":
                    // Mostly a participant of the case: the endings that can succeed.
                    var leaving = someCase.Participants.Count > 0 && random.Next(10) < 8 ? someCase.Participants.First() : Organisations[random.Next(Organisations.Length)];
                    call = await SendAsync(HttpMethod.Delete, $"cases/{someCase.Id}/participants/{leaving}", actor);
                    allowed = socialWorker && someCase.Lead == organisation && someCase.Participants.Contains(leaving);
                    if (call.Status == HttpStatusCode.NoContent)
                    {
                        someCase.Participants.Remove(leaving);
                    }

                    break;
                case "patchPerson":
                    var newName = "Renamed " + random.Next(1000);
                    call = await SendAsync(HttpMethod.Patch, $"cases/{someCase.Id}", actor, new { person = new { displayName = newName, sensitive = new { health = "h-" + newName } } }, ifMatch: "*");
                    allowed = socialWorker && holder && person.Sees(organisation, someCase) && !person.Erased;
                    if (call.Status == HttpStatusCode.OK)
                    {
                        (person.DisplayName, person.Health) = (newName, "h-" + newName);
                    }

                    break;
                case "note":
                    call = await SendAsync(HttpMethod.Post, $"cases/{someCase.Id}/notes", actor, new { text = "Seen today", visibility = "shared" });
                    allowed = role is AppRole.SocialWorker or AppRole.Partner && person.Sees(organisation, someCase) && !person.Erased;
                    break;
                case "task":
                    // A task is written by a social worker of an organisation that sees the case, as its own
                    // to-do; that organisation (and no other) may then close it.
                    call = await SendAsync(HttpMethod.Post, $"cases/{someCase.Id}/tasks", actor, new { title = "Follow up", dueOn = CaseScenario.NextWeek });
                    allowed = socialWorker && person.Sees(organisation, someCase) && !person.Erased;
                    if (call.Status == HttpStatusCode.Created)
                    {
                        var other = PickActor(person, random);
                        var taskId = call.Field("id");
                        var close = await SendAsync(HttpMethod.Patch, $"tasks/{taskId}", other, new { status = "done" }, "*");
                        var otherRole = RoleOf(other);
                        var closeAllowed = otherRole == AppRole.SocialWorker && OrganisationOf(other) == organisation && person.Sees(organisation, someCase) && !person.Erased;
                        log.Add($"{other} closes task {taskId}: {(int)close.Status}");
                        Expect(closeAllowed, close, $"{other} closes {actor}'s task");
                    }

                    break;
                case "referenceAddress":
                    // Kept by one CPAS that holds the person (another is refused); a check-in by that CPAS's social workers only.
                    var cpas = organisation.EndsWith("-cpas", StringComparison.Ordinal);
                    call = await SendAsync(HttpMethod.Put, $"persons/{person.Id}/reference-address", actor, new { since = CaseScenario.LastMonth, lastCheckIn = CaseScenario.LastMonth });
                    allowed = socialWorker && holder && cpas && !person.Erased && (person.AddressKeptBy ?? organisation) == organisation;
                    if (call.Status == HttpStatusCode.OK)
                    {
                        person.AddressKeptBy = organisation;
                        var visitor = PickActor(person, random);
                        var visit = await SendAsync(HttpMethod.Post, $"persons/{person.Id}/reference-address/check-ins", visitor, new { id = Guid.NewGuid().ToString(), on = CaseScenario.Yesterday });
                        log.Add($"{visitor} records a check-in for {person.Id}: {(int)visit.Status}");
                        Expect(RoleOf(visitor) == AppRole.SocialWorker && OrganisationOf(visitor) == organisation && !person.Erased, visit, $"{visitor} records a check-in at {organisation}");
                    }

                    break;
                case "opsStatus":
                    // The operations status is the Operator's alone, and it tells of queues and timers, never of a person.
                    call = await SendAsync(HttpMethod.Get, "admin/status", actor);
                    allowed = role == AppRole.Operator;
                    Assert.DoesNotContain(person.Id, call.Body, StringComparison.Ordinal);
                    Assert.DoesNotContain(person.DisplayName, call.Body, StringComparison.Ordinal);
                    break;
                case "breakdown":
                    // A breakdown is a Coordinator's or an Auditor's, a night count is opened by a Coordinator; both count,
                    // suppressed, and never name a person.
                    if (random.Next(2) == 0)
                    {
                        var measure = new[] { "casesOpened", "housed", "personsSeen", "contacts" }[random.Next(4)];
                        call = await SendAsync(HttpMethod.Get, $"reports/breakdown?measure={measure}&by={(measure is "casesOpened" or "housed" ? "type,gender" : "zone")}", actor);
                        allowed = role is AppRole.Coordinator or AppRole.Auditor;
                    }
                    else
                    {
                        call = await SendAsync(HttpMethod.Post, "counts", actor, new { night = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), from = "22:00", to = "02:00", zones = new[] { "Flagey", "Midi" } });
                        allowed = role == AppRole.Coordinator;
                    }

                    Assert.DoesNotContain(person.Id, call.Body, StringComparison.Ordinal);
                    Assert.DoesNotContain(person.DisplayName, call.Body, StringComparison.Ordinal);
                    break;
                case "organisations":
                    // The directory and each of its entries are everyone's; a member list is a Coordinator's, or a SocialWorker's of that
                    // organisation. Neither ever names a person of a case.
                    if (random.Next(3) is var read && read < 2)
                    {
                        call = await SendAsync(HttpMethod.Get, read == 0 ? "organisations" : $"organisations/{Organisations[random.Next(Organisations.Length)]}", actor);
                        allowed = true;
                    }
                    else
                    {
                        var listed = Organisations[random.Next(Organisations.Length)];
                        call = await SendAsync(HttpMethod.Get, $"organisations/{listed}/members", actor);
                        allowed = role == AppRole.Coordinator || (socialWorker && organisation == listed);
                    }

                    Assert.DoesNotContain(person.Id, call.Body, StringComparison.Ordinal);
                    Assert.DoesNotContain(person.DisplayName, call.Body, StringComparison.Ordinal);
                    break;
                case "subscriptions":
                    // Subscriptions and their delivery logs are a Partner's or Coordinator's, of their own organisation only:
                    // habitat-asbl's log is habitat-app's to read, and another organisation's caller gets 404 (or 403 by role).
                    var ownLog = random.Next(2) == 0;
                    call = await SendAsync(HttpMethod.Get, ownLog ? $"subscriptions/{subscriptionId}/deliveries" : "subscriptions", actor);
                    allowed = role is AppRole.Partner or AppRole.Coordinator && (!ownLog || organisation == "habitat-asbl");
                    Assert.DoesNotContain(person.Id, call.Body, StringComparison.Ordinal);
                    Assert.DoesNotContain(person.DisplayName, call.Body, StringComparison.Ordinal);
                    break;
                case "match":
                    // A match call answers only persons the caller's organisation sees (a Mediator: those its contacts name; none
                    // here), with exactly the cases of theirs it sees. The index is brought up to date by hand, as the projector would.
                    var file = await host.Services.GetRequiredService<PersonFileStore>().LoadAsync(person.Id, CancellationToken.None);
                    var seeing = file.Access.Cases.SelectMany(c => file.Access.Seeing(c, DateTimeOffset.UtcNow)).ToHashSet();
                    await host.Services.GetRequiredService<InclusionCases.Functions.Matching.MatchIndexProjection>().ProjectAsync(file, seeing, [], CancellationToken.None);
                    call = await SendAsync(HttpMethod.Post, "persons/match", actor, new { displayName = person.DisplayName, zone = "Flagey" });
                    allowed = role is AppRole.SocialWorker or AppRole.Partner or AppRole.Mediator;
                    if (call.Status == HttpStatusCode.OK)
                    {
                        var candidates = call.Json.GetProperty("candidates").EnumerateArray().ToList();
                        var answered = candidates.FirstOrDefault(c => c.GetProperty("personId").GetString() == person.Id);
                        var visible = role == AppRole.Mediator || person.Erased ? [] : person.Cases.Where(c => person.Sees(organisation, c)).Select(c => c.Id).Order().ToList();
                        var caseIds = answered.ValueKind == JsonValueKind.Object ? answered.GetProperty("caseIds").EnumerateArray().Select(c => c.GetString()!).Order().ToList() : [];
                        // Names repeat across sequences ("Renamed 12"): a visible person may be left out of a full answer, never shown unseen.
                        var leftOut = caseIds.Count == 0 && candidates.Count == InclusionCases.Functions.Matching.UseCases.MatchPerson.MaxCandidates;
                        if ((!leftOut && !caseIds.SequenceEqual(visible)) || (role == AppRole.Mediator && answered.ValueKind == JsonValueKind.Object))
                        {
                            throw new InvalidOperationException($"{actor} matched {person.Id} with cases [{string.Join(", ", caseIds)}]; the model lets {organisation} see [{string.Join(", ", visible)}]");
                        }
                    }

                    break;
                case "tasks":
                    // A task list is the organisation's own and shows no title or name; every task it shows, the
                    // caller may read (a participant whose consent ended sees neither the case nor its tasks).
                    call = await SendAsync(HttpMethod.Get, "tasks?status=all", actor);
                    allowed = role is AppRole.SocialWorker or AppRole.Partner;
                    Assert.DoesNotContain(person.DisplayName, call.Body, StringComparison.Ordinal);
                    if (call.Status == HttpStatusCode.OK)
                    {
                        foreach (var listed in call.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).Take(3))
                        {
                            Expect(true, await SendAsync(HttpMethod.Get, $"tasks/{listed}", actor), $"{actor} reads listed task {listed}");
                        }
                    }

                    break;
                default:
                    throw new InvalidOperationException("Unknown step " + kind);
            }

            log.Add($"{actor} {kind} on {person.Id}/{someCase.Id}: {(int)call.Status}");
            Expect(allowed, call, kind);
        }

        // Two records linked by a holder of both (or the auditor) stand for one person; split again on the same terms.
        private async Task LinkOrSplitAsync(PersonModel one, PersonModel other, string actor, List<string> log)
        {
            var organisation = OrganisationOf(actor);
            var allowed = !one.Erased && !other.Erased
                && (RoleOf(actor) == AppRole.Auditor || (RoleOf(actor) == AppRole.SocialWorker && one.Holders.Contains(organisation) && other.Holders.Contains(organisation)));
            ApiCall call;
            if (one.LinkId is null)
            {
                call = await SendAsync(HttpMethod.Post, $"persons/{one.Id}/links", actor, new { otherPersonId = other.Id, evidence = "Same identity card" });
                if (call.Status == HttpStatusCode.Created)
                {
                    (one.LinkId, one.LinkedTo, other.LinkedTo) = (call.Field("id"), other, one);
                }
            }
            else
            {
                call = await SendAsync(HttpMethod.Delete, $"persons/{one.Id}/links/{one.LinkId}", actor);
                if (call.Status == HttpStatusCode.NoContent)
                {
                    (one.LinkId, one.LinkedTo, other.LinkedTo) = (null, null, null);
                }
            }

            log.Add($"{actor} links or splits {one.Id} and {other.Id}: {(int)call.Status}");
            Expect(allowed, call, "link");
        }

        private async Task EraseAsync(PersonModel person, List<string> log)
        {
            var call = await SendAsync(HttpMethod.Post, $"persons/{person.Id}/erase", "dpo");
            log.Add($"dpo erases {person.Id}: {(int)call.Status}");
            Expect(true, call, "erase");
            (person.Erased, person.DisplayName, person.Health) = (true, "[erased]", null);
        }

        /// <summary>
        /// The oracle. Every step: the person's stored file against the model (person fields, consents,
        /// leads, participants: only what allowed steps made), and the access policy, applied to that
        /// stored file, against the model's sight of every organisation. Every few steps and after the
        /// last: the same sight read through the API by every organisation that does not lead the case.
        /// </summary>
        private async Task CheckAsync(PersonModel person, bool throughApi)
        {
            var file = await host.Services.GetRequiredService<PersonFileStore>().LoadAsync(person.Id, CancellationToken.None);
            var stored = file.Person!.Value;
            var problems = new List<string>();
            if (stored.DisplayName != person.DisplayName || stored.Sensitive?.Health != person.Health)
            {
                problems.Add($"person is '{stored.DisplayName}'/'{stored.Sensitive?.Health}', model '{person.DisplayName}'/'{person.Health}'");
            }

            var storedConsents = file.Consents.ToDictionary(c => c.Value.Id, c => c.Value.RevokedAt is not null);
            if (!storedConsents.OrderBy(c => c.Key).SequenceEqual(person.Consents.ToDictionary(c => c.Id, c => c.Revoked).OrderBy(c => c.Key)))
            {
                problems.Add("consents differ from the ones holders recorded and revoked");
            }

            if (file.Cases.Count != person.Cases.Count)
            {
                problems.Add($"{file.Cases.Count} cases stored, {person.Cases.Count} opened by holders");
            }

            var now = DateTimeOffset.UtcNow;
            foreach (var c in person.Cases)
            {
                if (file.Case(c.Id)?.Value is not { } storedCase || storedCase.LeadOrganisationId != c.Lead || !storedCase.Participants.ToHashSet().SetEquals(c.Participants))
                {
                    problems.Add($"case {c.Id}: lead or participants differ from the model");
                    continue;
                }

                foreach (var organisation in Organisations)
                {
                    var caller = Caller(SocialWorkerOf[organisation]);
                    var sees = AccessPolicy.Decide(caller, ApiOperation.ReadCase, file.Access, c.Id, now) == AccessDecision.Allowed;
                    if (sees != person.Sees(organisation, c))
                    {
                        problems.Add($"the policy says {organisation} {(sees ? "sees" : "does not see")} {c.Id}; the model says otherwise");
                    }

                    if (AccessPolicy.CanSeeSensitive(caller, file.Access, c.Id, now) && !person.SeesSensitive(organisation, c))
                    {
                        problems.Add($"the policy shows {organisation} person.sensitive on {c.Id} without a holder's sensitive consent");
                    }
                }
            }

            CheckEvents(person, file.OutboxEvents, problems);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException(string.Join("; ", problems));
            }

            if (throughApi)
            {
                await ReadThroughApiAsync(person);
            }
        }

        // Each event the last step queued (nothing is projected here, so every event stays in the outbox) names
        // only an organisation the model lets know of the case: one that sees it, or is invited to it, for
        // news about it; one that was referred to it, for that referral's end; one that no longer sees it, to be told so.
        private void CheckEvents(PersonModel person, IReadOnlyList<InclusionCases.Domain.Webhooks.WebhookEvent> events, List<string> problems)
        {
            foreach (var notice in events.Where(e => _checkedEvents.Add(e.Id)))
            {
                var c = person.Cases.SingleOrDefault(c => c.Id == notice.CaseId);
                var referral = person.Referrals.SingleOrDefault(r => r.Id == notice.ReferralId);
                var organisation = notice.OrganisationId;
                var may = c is not null && notice.Type switch
                {
                    "referral.received" => referral is { Pending: true } && referral.To == organisation && person.Covers(organisation, sensitive: false),
                    "referral.withdrawn" or "referral.expired" or "referral.accepted" or "referral.declined" => referral is not null && (referral.To == organisation || c.Lead == organisation),
                    "case.participationEnded" => !person.Sees(organisation, c) && (c.Lead == organisation || person.Referrals.Any(r => r.CaseId == c.Id && r.To == organisation)),
                    _ => person.Sees(organisation, c),
                };
                if (!may)
                {
                    problems.Add($"{notice.Type} about {notice.CaseId} was queued for {organisation}, which the model does not let know of it");
                }
            }
        }

        private async Task ReadThroughApiAsync(PersonModel person)
        {
            foreach (var c in person.Cases)
            {
                foreach (var organisation in Organisations.Where(o => o != c.Lead))
                {
                    var read = await SendAsync(HttpMethod.Get, $"cases/{c.Id}", SocialWorkerOf[organisation]);
                    var sees = person.Sees(organisation, c);
                    if ((read.Status == HttpStatusCode.OK) != sees || (int)read.Status >= 500)
                    {
                        throw new InvalidOperationException($"{organisation} reading {c.Id}: {(int)read.Status}, but the model says it {(sees ? "sees" : "does not see")} it");
                    }

                    if (read.Status != HttpStatusCode.OK)
                    {
                        continue;
                    }

                    var shown = read.Json.GetProperty("person");
                    if (shown.TryGetProperty("sensitive", out var s) && s.ValueKind == JsonValueKind.Object && !person.SeesSensitive(organisation, c))
                    {
                        throw new InvalidOperationException($"{organisation} was shown person.sensitive on {c.Id} without a holder's sensitive consent");
                    }

                    if (shown.GetProperty("displayName").GetString() != person.DisplayName)
                    {
                        throw new InvalidOperationException($"{organisation} was shown displayName '{shown.GetProperty("displayName").GetString()}', the model has '{person.DisplayName}'");
                    }
                }
            }
        }

        private string Token(string login)
        {
            if (!_tokens.TryGetValue(login, out var token))
            {
                _tokens[login] = token = host.TokenFor(login);
            }

            return token;
        }

        private async Task<ApiCall> SendAsync(HttpMethod method, string path, string login, object? body = null, string? ifMatch = null)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(login));
            if (body is not null)
            {
                request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
            }

            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            using var response = await host.Client.SendAsync(request);
            return new ApiCall(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        }
    }


    private static void Expect(bool allowed, ApiCall call, string what)
    {
        if ((int)call.Status >= 500)
        {
            throw new InvalidOperationException($"{what}: {(int)call.Status} {call.Body}");
        }

        if (allowed != ((int)call.Status < 300))
        {
            throw new InvalidOperationException($"{what}: the model says {(allowed ? "allowed" : "refused")}, the API answered {(int)call.Status} {call.Body}");
        }
    }

    private static DemoUser User(string login) => DemoDirectory.Find(login)!;

    private static string OrganisationOf(string login) => User(login).OrganisationId;

    private static AppRole RoleOf(string login) => User(login).Role;

    private static bool IsSocialWorker(string login) => RoleOf(login) == AppRole.SocialWorker;

    private static Caller Caller(string login) => new(User(login).ObjectId, login, OrganisationOf(login), new HashSet<AppRole> { RoleOf(login) });

    private sealed class PersonModel(string id)
    {
        public string Id { get; } = id;

        public string DisplayName { get; set; } = string.Empty;

        public string? Health { get; set; }

        public bool Erased { get; set; }

        /// <summary>The other record this one is linked to, and the link's id on the record that made it.</summary>
        public PersonModel? LinkedTo { get; set; }

        public string? LinkId { get; set; }

        /// <summary>The CPAS keeping the person's reference address, once one set it.</summary>
        public string? AddressKeptBy { get; set; }

        public List<CaseModel> Cases { get; } = [];

        public List<ConsentModel> Consents { get; } = [];

        public List<ReferralModel> Referrals { get; } = [];

        public HashSet<string> Holders => [.. Cases.Select(c => c.Lead)];

        public bool Covers(string organisation, bool sensitive) => Consents.Any(c => !c.Revoked && c.Organisations.Contains(organisation) && (!sensitive || c.Sensitive));

        public bool Sees(string organisation, CaseModel c) => c.Lead == organisation || (c.Participants.Contains(organisation) && Covers(organisation, sensitive: false));

        public bool SeesSensitive(string organisation, CaseModel c) =>
            Sees(organisation, c) && (Holders.Contains(organisation) || (c.Participants.Contains(organisation) && Covers(organisation, sensitive: true)));
    }

    private sealed record CaseModel(string Id, string Lead)
    {
        public HashSet<string> Participants { get; } = [];
    }

    private sealed record ConsentModel(string Id, HashSet<string> Organisations, bool Sensitive)
    {
        public bool Revoked { get; set; }
    }

    private sealed record ReferralModel(string Id, string CaseId, string To)
    {
        public string Status { get; set; } = "pending";

        public bool Pending => Status == "pending";
    }
}
