using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Storage;
using InclusionCases.LocalHost;
using InclusionCases.TestSupport;
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

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var n1 = quick ? 50 : 300;
        var n16 = quick ? 160 : 1600;
        await using var azurite = await AzuriteProcess.StartAsync();
        var recorder = new StorageCallRecorder();
        var prefix = "b" + Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["CaseEventsQueue"] = prefix + "-case-events",
            ["ContactIntakeQueue"] = prefix + "-contact-intake",
            ["RetentionSchedule"] = "0 0 0 31 2 *",
            ["OutboxSweepSchedule"] = "0 * * * * *",
            ["ReportRollupSchedule"] = "*/15 * * * * *",
            ["Auth:Mode"] = "Development",
            ["Auth:Development:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        Progress("starting the local host against a fresh Azurite");
        await using var app = Host(settings, recorder, runTriggers: true);
        await app.StartAsync();
        await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
        // A second host on the same storage with no triggers: nothing polls, so its storage calls are the request's own.
        await using var quiet = Host(settings, recorder, runTriggers: false);
        await quiet.StartAsync();

        var issuer = app.Services.GetRequiredService<DevelopmentTokenIssuer>();
        using var api = Client(app, Token(issuer, "sophie"));
        using var quietApi = Client(quiet, Token(issuer, "sophie"));
        using var mediator = Client(app, Token(issuer, "karim"));
        var raw = new RawStorage(azurite.ConnectionString, prefix);
        await raw.PrepareAsync();
        var rows = new List<Row>();

        foreach (var concurrency in new[] { 1, 16 })
        {
            var count = concurrency == 1 ? n1 : n16;
            Progress($"raw SDK calls at concurrency {concurrency}");
            var insert = await Measurement.RunAsync("raw insert entity", concurrency, count, i => raw.InsertAsync($"{concurrency}-{i}"));
            var read = await Measurement.RunAsync("raw point read", concurrency, count, i => raw.ReadAsync($"{concurrency}-{i}"));
            var query = await Measurement.RunAsync("raw partition query (50 rows)", concurrency, count, _ => raw.QueryAsync());
            var replay = await Measurement.RunAsync("raw replay of create's writes", concurrency, count, i => raw.ReplayCreateAsync($"{concurrency}-{i}"));
            rows.AddRange([new(insert), new(read), new(query), new(replay)]);

            Progress($"API calls at concurrency {concurrency}");
            var created = new string[count];
            var etags = new string[count];
            var create = await Measurement.RunAsync("create case", concurrency, count, async i =>
            {
                using var response = await api.PostAsync(new Uri("cases", UriKind.Relative), Json(new { type = "housingFirst", person = new { displayName = $"Bench {i}" } }));
                created[i] = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
                etags[i] = response.Headers.ETag!.ToString();
            });
            rows.Add(new(create, replay));
            rows.Add(new(await Measurement.RunAsync("read case", concurrency, count, async i => await Ok(api.GetAsync(new Uri($"cases/{created[i]}", UriKind.Relative)))), read));
            rows.Add(new(await Measurement.RunAsync("list my cases (50)", concurrency, count, async _ => await Ok(api.GetAsync(new Uri("cases?limit=50", UriKind.Relative)))), query));
            rows.Add(new(await Measurement.RunAsync("patch case with If-Match", concurrency, count, async i =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Patch, $"cases/{created[i]}") { Content = Json(new { status = "active" }) };
                request.Headers.TryAddWithoutValidation("If-Match", etags[i]);
                await Ok(api.SendAsync(request));
            }), insert));
        }

        Progress("500-contact batches until stored");
        var batchRaw = await Measurement.RunAsync("raw batched inserts of 100", 1, quick ? 5 : 20, i => raw.BatchAsync(i));
        var batch = await Measurement.RunAsync("500-contact batch until stored", 1, quick ? 2 : 5, async i =>
        {
            var contacts = Enumerable.Range(0, 500).Select(k => new
            {
                id = Guid.NewGuid(), observedAt = DateTimeOffset.UtcNow.AddHours(-1), zone = "Zone " + (k % 9), needs = Food, servicesOffered = Water, notes = "bench",
            }).ToArray();
            using var response = await mediator.PostAsync(new Uri("contacts/batch", UriKind.Relative), Json(new { contacts }));
            var batchId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("batchId").GetString();
            while (JsonDocument.Parse(await mediator.GetStringAsync(new Uri($"contacts/batch/{batchId}", UriKind.Relative))).RootElement.GetProperty("status").GetString() != "completed")
            {
                await Task.Delay(20);
            }
        });
        var intakeRate = 500 * batch.PerSecond;
        var rawRate = 100 * batchRaw.PerSecond;
        rows.Add(new(batchRaw));
        rows.Add(new(batch, batchRaw) { Note = $"{intakeRate:F0} contacts/s vs raw {rawRate:F0} entities/s ({intakeRate / rawRate:P0})" });

        Progress("list my cases with 1,000 and 50,000 cases in the organisation");
        var (list1k, list50k, raw1k, raw50k) = await ListFlatnessAsync(app, issuer, raw, quick);
        rows.Add(new(list1k, raw1k));
        rows.Add(new(list50k, raw50k) { Note = $"{list50k.P50 / list1k.P50:F2}x the 1k p50; the raw query grew {raw50k.P50 / raw1k.P50:F2}x" });

        Progress("storage round trips per request");
        var trips = await RoundTripsAsync(quietApi, recorder);
        var report = Report.Render(rows, trips, intakeRate / rawRate, list50k.P50 / list1k.P50);
        Console.WriteLine(report);
        var folder = Path.Combine(RepositoryRoot.Find(), "bench", "results");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "latest.md"), report);
        await File.WriteAllTextAsync(Path.Combine(folder, "latest.json"), JsonSerializer.Serialize(new { machine = Report.Machine(), rows, trips }, Indented));
        return 0;
    }

    private static WebApplication Host(Dictionary<string, string?> settings, StorageCallRecorder recorder, bool runTriggers) => LocalFunctionsHost.Build(new LocalHostOptions
    {
        Overrides = settings,
        EnvironmentName = "Development",
        Url = "http://127.0.0.1:0",
        MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
        RunTriggers = runTriggers,
        ConfigureServices = services => services.AddSingleton(sp => StorageAccount.FromConfiguration(
            sp.GetRequiredService<IConfiguration>(),
            configureQueues: o => o.AddPolicy(recorder, HttpPipelinePosition.PerRetry),
            configureTables: o => o.AddPolicy(recorder, HttpPipelinePosition.PerRetry))),
    });

    private static async Task<(Measurement At1k, Measurement At50k, Measurement Raw1k, Measurement Raw50k)> ListFlatnessAsync(WebApplication app, DevelopmentTokenIssuer issuer, RawStorage raw, bool quick)
    {
        const string Organisation = "bench-org";
        await app.Services.GetRequiredService<OrganisationRepository>().UpsertAsync(new Organisation(Organisation, "Bench", OrganisationKind.Cpas), CancellationToken.None);
        await app.Services.GetRequiredService<MembershipRepository>().UpsertAsync(new Membership("bench-user", Organisation, "Bench"), CancellationToken.None);
        using var client = Client(app, issuer.Issue("bench-user", "Bench", [AppRole.SocialWorker]));
        var n = quick ? 50 : 300;
        await raw.SeedIndexAsync(Organisation, 0, 1_000);
        var at1k = await Measurement.RunAsync("list my cases, 1k in organisation", 1, n, async _ => await Ok(client.GetAsync(new Uri("cases?limit=50", UriKind.Relative))));
        var raw1k = await Measurement.RunAsync("raw index query (50 of 1k)", 1, n, _ => raw.QueryIndexAsync(Organisation));
        await raw.SeedIndexAsync(Organisation, 1_000, quick ? 10_000 : 50_000);
        var at50k = await Measurement.RunAsync($"list my cases, {(quick ? "10k" : "50k")} in organisation", 1, n, async _ => await Ok(client.GetAsync(new Uri("cases?limit=50", UriKind.Relative))));
        var raw50k = await Measurement.RunAsync($"raw index query (50 of {(quick ? "10k" : "50k")})", 1, n, _ => raw.QueryIndexAsync(Organisation));
        return (at1k, at50k, raw1k, raw50k);
    }

    private static async Task<Dictionary<string, (int Calls, int Sequential)>> RoundTripsAsync(HttpClient api, StorageCallRecorder recorder)
    {
        var trips = new Dictionary<string, (int, int)>();
        async Task<HttpResponseMessage> Count(string name, Func<Task<HttpResponseMessage>> call)
        {
            recorder.Reset();
            var response = await call();
            trips[name] = recorder.Snapshot();
            return response;
        }

        // Steady state: the caller's membership is already cached, as for any caller after its first request.
        (await api.GetAsync(new Uri("me", UriKind.Relative))).Dispose();
        using var created = await Count("create case", () => api.PostAsync(new Uri("cases", UriKind.Relative), Json(new { type = "homelessness", person = new { displayName = "Trips" } })));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        (await Count("read case", () => api.GetAsync(new Uri($"cases/{id}", UriKind.Relative)))).Dispose();
        (await Count("list my cases (50)", () => api.GetAsync(new Uri("cases?limit=50", UriKind.Relative)))).Dispose();
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"cases/{id}") { Content = Json(new { status = "active" }) };
        patch.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.ToString());
        (await Count("patch case with If-Match", () => api.SendAsync(patch))).Dispose();
        return trips;
    }

    private static HttpClient Client(WebApplication app, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/api/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Token(DevelopmentTokenIssuer issuer, string login)
    {
        var user = DemoDirectory.Find(login)!;
        return issuer.Issue(user.ObjectId, user.DisplayName, [user.Role]);
    }

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
