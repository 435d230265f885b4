using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Contacts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Storage;
using InclusionCases.LocalHost;
using InclusionCases.TestSupport;
using InclusionCases.Tools.Demo;
using InclusionCases.Tools.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Bench;

/// <summary>
/// Runs the API over loopback HTTP with real tokens against a fresh Azurite, and the raw Azure SDK
/// calls it wraps against the same Azurite in the same run, and reports both with their ratio.
/// </summary>
internal static class Benchmark
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly string[] Food = ["food"];
    private static readonly string[] Water = ["water"];
    private static readonly string[] TriggerQueueSettings = ["CaseEventsQueue", "ContactIntakeQueue"];

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var n1 = quick ? 50 : 300;
        var n16 = quick ? 160 : 1600;
        await using var azurite = await AzuriteProcess.StartAsync();
        var quietRecorder = new StorageCallRecorder();
        var prefix = "b" + Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["CaseEventsQueue"] = prefix + "-case-events",
            ["ContactIntakeQueue"] = prefix + "-contact-intake",
            ["WebhookDeliveriesQueue"] = prefix + "-webhook-deliveries",
            ["MatchRequestsQueue"] = prefix + "-match-requests",
            ["Webhooks:SecretKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Matching:IdentifierKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["RetentionSchedule"] = "0 0 0 31 2 *",
            ["TaskRecheckSchedule"] = "0 0 0 31 2 *",
            ["ReferralExpirySchedule"] = "0 0 0 31 2 *",
            ["OutboxSweepSchedule"] = "0 * * * * *",
            ["ReportRollupSchedule"] = "*/15 * * * * *",
            ["OperationsSampleSchedule"] = "0 0 0 31 2 *",
            ["Auth:Mode"] = "Development",
            ["Auth:Development:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        Progress("starting the local host against a fresh Azurite");
        await using var app = Host(settings, recorder: null, runTriggers: true);
        await app.StartAsync();
        await ActivatorUtilities.CreateInstance<DemoDataSeeder>(app.Services).SeedAsync(CancellationToken.None);
        // A second host on the same storage with no triggers or timers: nothing runs in its background, so its
        // storage calls are the request's own. Its contact chunks go to a queue of their own, which the bench
        // drains itself (see StoreOnArrivalAsync).
        var quietSettings = new Dictionary<string, string?>(settings) { ["ContactIntakeQueue"] = prefix + "-quiet-intake" };
        await using var quiet = Host(quietSettings, quietRecorder, runTriggers: false);
        await quiet.StartAsync();

        var issuer = DevelopmentTokenIssuer.FromConfiguration(app.Configuration);
        using var api = Client(app, Token(issuer, "sophie"));
        using var quietApi = Client(quiet, Token(issuer, "sophie"));
        using var mediator = Client(app, Token(issuer, "karim"));
        using var quietMediator = Client(quiet, Token(issuer, "karim"));
        Task<Measurement> Measure(string operation, int concurrency, int count, Func<int, Task> op) =>
            Measurement.RunAsync(operation, concurrency, count, op, () => azurite.ProcessorTime);
        var raw = new RawStorage(azurite.ConnectionString, prefix);
        await raw.PrepareAsync();
        var rows = new List<Row>();
        var intake = new List<IntakeRates>();

        var breakdowns = new List<Breakdown>();
        IntakeStages? stages = null;
        foreach (var concurrency in new[] { 1, 16 })
        {
            if (concurrency == 16)
            {
                // Here, on the same tables as the concurrency-1 rows: Azurite's queries slow down as its tables grow.
                await DrainAsync(azurite.ConnectionString, settings);
                Progress("where the time goes (storage calls per request)");
                breakdowns = await BreakdownsAsync(quiet, quietApi, quietMediator, quietRecorder, quick ? 20 : 50);
                stages = await IntakeStagesAsync(mediator, quick ? 3 : 7);
            }

            var count = concurrency == 1 ? n1 : n16;
            Progress($"raw SDK calls at concurrency {concurrency}");
            var insert = await Measure("raw insert entity", concurrency, count, i => raw.InsertAsync($"{concurrency}-{i}"));
            var read = await Measure("raw point read", concurrency, count, i => raw.ReadAsync($"{concurrency}-{i}"));
            var query = await Measure("raw partition query (50 rows)", concurrency, count, _ => raw.QueryAsync());
            var replay = await Measure("raw replay of create's writes", concurrency, count, i => raw.ReplayCreateAsync($"{concurrency}-{i}"));
            var replayRead = await Measure("raw replay of read's calls", concurrency, count, i => raw.ReplayReadAsync($"{concurrency}-{i}"));
            var readBesideWrite = await Measure("raw point read beside an upsert", concurrency, count, i => raw.ReadBesideWriteAsync($"{concurrency}-{i}"));
            var batchRaw = await Measure("raw batched inserts of 100", concurrency, (quick ? 5 : 20) * concurrency, i => raw.BatchAsync($"{concurrency}-{i}"));
            var batches = concurrency == 1 ? (quick ? 2 : 5) : (quick ? 16 : 32);
            var replayIntake = await Measure("raw replay of a 500-contact batch's calls", concurrency, batches, i => raw.ReplayIntakeAsync($"{concurrency}-{i}", BatchOfContacts()));
            rows.AddRange([new(insert), new(read), new(query), new(replay), new(replayRead), new(readBesideWrite, read), new(batchRaw), new(replayIntake, batchRaw)]);

            Progress($"API calls at concurrency {concurrency}");
            rows.Add(new(await Measure("no-storage request (GET /me)", concurrency, count, async _ => await Ok(api.GetAsync(new Uri("me", UriKind.Relative)))), read)
            {
                Note = "the host's own floor: HTTP, token, JSON",
            });
            var created = new string[count];
            var etags = new string[count];
            var create = await Measure("create case", concurrency, count, async i => (created[i], etags[i]) = await CreateCaseAsync(api, $"Bench {i}"));
            rows.Add(new(create, replay));
            // The creates' projections run in the background; the reads below are measured without them.
            await DrainAsync(azurite.ConnectionString, settings);
            var readCase = await Measure("read case", concurrency, count, async i => await Ok(api.GetAsync(new Uri($"cases/{created[i]}", UriKind.Relative))));
            rows.Add(new(readCase, read) { Note = $"{readCase.P50 / replayRead.P50:F2}x the raw replay of its own storage calls" });
            rows.Add(new(await Measure("list my cases (50)", concurrency, count, async _ => await Ok(api.GetAsync(new Uri("cases?limit=50", UriKind.Relative)))), query));
            rows.Add(new(await Measure("patch case with If-Match", concurrency, count, i => PatchAsync(api, created[i], etags[i])), insert));
            rows.Add(new(await Measure("create custom task", concurrency, count, i => CreateTaskAsync(api, created[i], i)), replay));
            // The tasks are listed by the projector: measured once it has listed them.
            await DrainAsync(azurite.ConnectionString, settings);
            rows.Add(new(await Measure("list my tasks (50)", concurrency, count, async _ => await Ok(api.GetAsync(new Uri("tasks?limit=50", UriKind.Relative)))), query)
            {
                Note = "beside list my cases (50): one range read of the organisation's index partition each",
            });

            await DrainAsync(azurite.ConnectionString, settings);
            Progress($"500-contact batches until stored at concurrency {concurrency}");
            var batch = await Measure("500-contact batch until stored", concurrency, batches, _ => ContactBatchAsync(mediator, concurrency == 1 ? 20 : 100));
            var rates = new IntakeRates(concurrency, 500 * batch.PerSecond, 500 * replayIntake.PerSecond, 100 * batchRaw.PerSecond);
            intake.Add(rates);
            rows.Add(new(batch, batchRaw)
            {
                Note = $"{rates.Contacts:F0} contacts/s ({2 * rates.Contacts:F0} rows/s) vs raw {rates.RawEntities:F0} entities/s; the raw replay of its calls: {rates.Replay:F0} contacts/s",
            });
        }

        // Reports read what the projector and the intake keep: measured once both have caught up.
        await DrainAsync(azurite.ConnectionString, settings);
        Progress("reports: the summary beside the breakdowns");
        using (var coordinator = Client(app, Token(issuer, "marc")))
        {
            var reports = quick ? 20 : 50;
            var summary = await Measure("summary report", 1, reports, async _ => await Ok(coordinator.GetAsync(new Uri("reports/summary", UriKind.Relative))));
            rows.Add(new(summary) { Note = "12 monthly rollups, one row each" });
            rows.Add(new(await Measure("breakdown: cases opened by gender, age band", 1, reports, async _ => await Ok(coordinator.GetAsync(new Uri("reports/breakdown?measure=casesOpened&by=gender,ageBand", UriKind.Relative)))), summary)
            {
                Note = $"one fact row per case opened in the last four quarters ({n1 + n16} here)",
            });
            rows.Add(new(await Measure("breakdown: persons seen by zone", 1, reports, async _ => await Ok(coordinator.GetAsync(new Uri("reports/breakdown?measure=personsSeen&by=zone", UriKind.Relative)))), summary)
            {
                Note = "one fact row per person seen, and one per contact naming nobody, in the last four quarters",
            });
        }

        // The list measurements run with nothing in the background: the triggers' host stops here.
        await app.StopAsync();
        Progress("list my cases with 1,000 and 50,000 cases in the organisation");
        var (list1k, list50k, raw1k, raw50k) = await ListFlatnessAsync(quiet, issuer, raw, Measure, quick);
        rows.Add(new(list1k, raw1k));
        rows.Add(new(list50k, raw50k) { Note = $"{list50k.P50 / list1k.P50:F2}x the 1k p50; the raw query grew {raw50k.P50 / raw1k.P50:F2}x" });

        Progress("the person matcher on its labelled set");
        var matcher = MatchingLabelledSet.Evaluate();
        var report = Report.Render(rows, breakdowns, stages!, intake, new ListGrowth(list1k, list50k, raw1k, raw50k), matcher);
        Console.WriteLine(report);
        var folder = Path.Combine(RepositoryRoot.Find(), "bench", "results");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "latest.md"), report);
        await File.WriteAllTextAsync(Path.Combine(folder, "latest.json"), JsonSerializer.Serialize(new { machine = Report.Machine(), rows, breakdowns, stages, matcher }, Indented));
        return 0;
    }

    private static WebApplication Host(Dictionary<string, string?> settings, StorageCallRecorder? recorder, bool runTriggers) => LocalFunctionsHost.Build(new LocalHostOptions
    {
        Overrides = settings,
        EnvironmentName = "Development",
        Url = "http://127.0.0.1:0",
        MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
        RunTriggers = runTriggers,
        ConfigureServices = recorder is null ? null : services => services.AddSingleton(sp => StorageAccount.FromConfiguration(
            sp.GetRequiredService<IConfiguration>(),
            configureQueues: o => o.AddPolicy(recorder, HttpPipelinePosition.PerRetry),
            configureTables: o => o.AddPolicy(recorder, HttpPipelinePosition.PerRetry))),
    });

    private static async Task<(Measurement At1k, Measurement At50k, Measurement Raw1k, Measurement Raw50k)> ListFlatnessAsync(
        WebApplication app, DevelopmentTokenIssuer issuer, RawStorage raw, Func<string, int, int, Func<int, Task>, Task<Measurement>> measure, bool quick)
    {
        Task<Measurement> Measure(string operation, int count, Func<int, Task> op) => measure(operation, 1, count, op);
        const string Organisation = "bench-org";
        var organisations = app.Services.GetRequiredService<InclusionCases.Functions.Organisations.OrganisationService>();
        await organisations.SaveAsync(new Organisation(Organisation, "Bench", OrganisationKind.Cpas), CancellationToken.None);
        await organisations.GrantAsync(Organisation, "bench-user", "Bench", validUntil: null, CancellationToken.None);
        using var client = Client(app, issuer.Issue("bench-user", "Bench", [AppRole.SocialWorker]));
        var n = quick ? 50 : 300;
        await raw.SeedIndexAsync(Organisation, 0, 1_000);
        for (var i = 0; i < 10; i++)
        {
            // Warm: the membership cache, and the paths of a page that comes back full.
            await Ok(client.GetAsync(new Uri("cases?limit=50", UriKind.Relative)));
            await raw.QueryIndexAsync(Organisation);
        }

        var at1k = await Measure("list my cases, 1k in organisation", n, async _ => await Ok(client.GetAsync(new Uri("cases?limit=50", UriKind.Relative))));
        var raw1k = await Measure("raw index query (50 of 1k)", n, _ => raw.QueryIndexAsync(Organisation));
        await raw.SeedIndexAsync(Organisation, 1_000, quick ? 10_000 : 50_000);
        var at50k = await Measure($"list my cases, {(quick ? "10k" : "50k")} in organisation", n, async _ => await Ok(client.GetAsync(new Uri("cases?limit=50", UriKind.Relative))));
        var raw50k = await Measure($"raw index query (50 of {(quick ? "10k" : "50k")})", n, _ => raw.QueryIndexAsync(Organisation));
        return (at1k, at50k, raw1k, raw50k);
    }

    /// <summary>Waits (with a deadline) until the trigger queues are empty, so background work does not run into the next measurement.</summary>
    private static async Task DrainAsync(string connectionString, Dictionary<string, string?> settings)
    {
        var queues = TriggerQueueSettings.Select(k => new QueueClient(connectionString, settings[k])).ToList();
        var started = DateTime.UtcNow;
        var reported = started;
        int[] counts;
        do
        {
            counts = await Task.WhenAll(queues.Select(async q => (await q.GetPropertiesAsync()).Value.ApproximateMessagesCount));
            if (counts.All(c => c == 0))
            {
                return;
            }

            if (DateTime.UtcNow - reported > TimeSpan.FromSeconds(10))
            {
                reported = DateTime.UtcNow;
                Progress($"waiting for background work: {Queued(counts)}");
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(120));

        Progress($"background work still queued after 120 s ({Queued(counts)}); measuring anyway");

        string Queued(int[] n) => string.Join(", ", queues.Select((q, i) => $"{q.Name} {n[i]}"));
    }

    /// <summary>
    /// Each API operation's storage calls and time at concurrency 1, on the host without triggers or
    /// timers, so every call is the request's own. A contact batch's chunks are stored as soon as they
    /// are queued (<see cref="StoreOnArrivalAsync"/>): its row shows the intake's own calls, without the
    /// trigger's polling wait.
    /// </summary>
    private static async Task<List<Breakdown>> BreakdownsAsync(WebApplication quiet, HttpClient quietApi, HttpClient quietMediator, StorageCallRecorder quietRecorder, int requests)
    {
        // Steady state: the caller's membership is already cached, as for any caller after its first request.
        await Ok(quietApi.GetAsync(new Uri("me", UriKind.Relative)));
        await Ok(quietMediator.GetAsync(new Uri("me", UriKind.Relative)));
        var created = new (string Id, string ETag)[requests];
        return
        [
            await Breakdown.RunAsync("no-storage request (GET /me)", requests, quietRecorder, async _ => await Ok(quietApi.GetAsync(new Uri("me", UriKind.Relative)))),
            await Breakdown.RunAsync("create case", requests, quietRecorder, async i => created[i] = await CreateCaseAsync(quietApi, "Trips " + i)),
            await Breakdown.RunAsync("read case", requests, quietRecorder, async i => await Ok(quietApi.GetAsync(new Uri($"cases/{created[i].Id}", UriKind.Relative)))),
            await Breakdown.RunAsync("list my cases (50)", requests, quietRecorder, async _ => await Ok(quietApi.GetAsync(new Uri("cases?limit=50", UriKind.Relative)))),
            await Breakdown.RunAsync("patch case with If-Match", requests, quietRecorder, i => PatchAsync(quietApi, created[i].Id, created[i].ETag)),
            await Breakdown.RunAsync("create custom task", requests, quietRecorder, i => CreateTaskAsync(quietApi, created[i].Id, i)),
            await Breakdown.RunAsync("list my tasks (50)", requests, quietRecorder, async _ => await Ok(quietApi.GetAsync(new Uri("tasks?limit=50", UriKind.Relative)))),
            await Breakdown.RunAsync("500-contact batch, chunks stored on arrival", 5, quietRecorder, _ => StoreOnArrivalAsync(quiet, quietMediator)),
        ];
    }

    /// <summary>
    /// Posts a 500-contact batch to the host without triggers, then does the queue trigger's work with no
    /// polling wait: takes each queued chunk and stores it with the app's own <see cref="ContactIntake"/>.
    /// The bench's receive and delete are the trigger's, not the function's, and are not recorded.
    /// </summary>
    private static async Task StoreOnArrivalAsync(WebApplication quiet, HttpClient quietMediator)
    {
        await Ok(quietMediator.PostAsync(new Uri("contacts/batch", UriKind.Relative), Json(new { contacts = BatchOfContacts() })));
        var configuration = quiet.Services.GetRequiredService<IConfiguration>();
        var queue = new QueueClient(configuration["AzureWebJobsStorage"], configuration["ContactIntakeQueue"], new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var intake = quiet.Services.GetRequiredService<ContactIntake>();
        QueueMessage[] messages;
        while ((messages = (await queue.ReceiveMessagesAsync(16)).Value).Length > 0)
        {
            await Task.WhenAll(messages.Select(async m =>
            {
                await intake.StoreAsync(m.Body.ToString(), CancellationToken.None);
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            }));
        }
    }

    private static async Task<(string Id, string ETag)> CreateCaseAsync(HttpClient api, string name)
    {
        using var response = await api.PostAsync(new Uri("cases", UriKind.Relative), Json(new { type = "housingFirst", person = new { displayName = name } }));
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        return (id, response.Headers.ETag!.ToString());
    }

    private static async Task CreateTaskAsync(HttpClient api, string caseId, int i)
    {
        var dueOn = DateTime.UtcNow.AddDays(1 + (i % 300)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Ok(api.PostAsync(new Uri($"cases/{caseId}/tasks", UriKind.Relative), Json(new { title = "Call the landlord", dueOn })));
    }

    private static async Task PatchAsync(HttpClient api, string id, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"cases/{id}") { Content = Json(new { status = "active" }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        await Ok(api.SendAsync(request));
    }

    /// <summary>
    /// Sends 500 contacts as one batch and polls its status until every chunk is stored. Returns when
    /// (ms after sending) the batch was accepted, the first chunk was seen stored, and all were.
    /// </summary>
    private static async Task<(double Accepted, double FirstStored, double Completed)> ContactBatchAsync(HttpClient mediator, int pollMs)
    {
        var contacts = BatchOfContacts();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        double Since() => System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        using var response = await mediator.PostAsync(new Uri("contacts/batch", UriKind.Relative), Json(new { contacts }));
        var batchId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("batchId").GetString();
        var accepted = Since();
        double? firstStored = null;
        while (true)
        {
            using var polled = await mediator.GetAsync(new Uri($"contacts/batch/{batchId}", UriKind.Relative));
            if (polled.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
            {
                // Azurite stalls now and then under this load; a phone would wait for Retry-After and poll again.
                await Task.Delay(polled.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }

            var status = JsonDocument.Parse(await polled.EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement;
            if (firstStored is null && status.GetProperty("stored").GetInt32() > 0)
            {
                firstStored = Since();
            }

            if (status.GetProperty("status").GetString() == "completed")
            {
                return (accepted, firstStored ?? Since(), Since());
            }

            await Task.Delay(pollMs);
        }
    }

    /// <summary>The body of a 500-contact batch as a mediator's phone sends it.</summary>
    private static object[] BatchOfContacts() => [.. Enumerable.Range(0, 500).Select(k => new
    {
        id = Guid.NewGuid(), observedAt = DateTimeOffset.UtcNow.AddHours(-1), zone = "Zone " + (k % 9), needs = Food, servicesOffered = Water, notes = "bench",
    })];

    /// <summary>The stages of single 500-contact batches (medians), polled every 5 ms.</summary>
    private static async Task<IntakeStages> IntakeStagesAsync(HttpClient mediator, int batches)
    {
        var runs = new List<(double Accepted, double FirstStored, double Completed)>();
        for (var i = 0; i < batches; i++)
        {
            runs.Add(await ContactBatchAsync(mediator, 5));
        }

        static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        return new IntakeStages(batches, Median(runs.Select(r => r.Accepted)), Median(runs.Select(r => r.FirstStored)), Median(runs.Select(r => r.Completed)));
    }

    private static HttpClient Client(WebApplication app, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/api/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Token(DevelopmentTokenIssuer issuer, string login) => issuer.IssueFor(DemoDirectory.Find(login)!);

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static void Progress(string step) => Console.Error.WriteLine($"bench: {step}...");
}
