using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Hosting;
using InclusionCases.LocalHost.Discovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.LocalHost;

/// <summary>The subcommands of the local host program. Output meant for scripts goes to stdout, the rest to stderr.</summary>
internal static class LocalHostCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "serve";
        var options = new LocalHostOptions { LocalSettingsPath = Option(args, "--settings"), Url = Option(args, "--url") };
        try
        {
            switch (command)
            {
                case "serve":
                    await using (var app = LocalFunctionsHost.Build(options))
                    {
                        await app.RunAsync();
                    }

                    return 0;
                case "seed":
                    await using (var app = LocalFunctionsHost.Build(options with { MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning }))
                    {
                        await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
                    }

                    await Console.Error.WriteLineAsync($"Seeded {DemoDirectory.Organisations.Count} organisations and {DemoDirectory.Users.Count} users.");
                    return 0;
                case "check":
                    await using (var app = LocalFunctionsHost.Build(options with { MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning, RunTriggers = false }))
                    {
                        var report = await app.Services.GetRequiredService<InclusionCases.Functions.Operations.ConsistencyChecker>().CheckAsync(CancellationToken.None);
                        Console.WriteLine($"{report.Cases} cases, {report.PendingProjection} waiting for the projector, {report.Problems.Count} problems");
                        foreach (var problem in report.Problems)
                        {
                            Console.WriteLine("  " + problem);
                        }

                        return report.Consistent ? 0 : 1;
                    }

                case "token":
                    return await IssueTokenAsync(args, options);
                case "functions":
                    var catalog = FunctionCatalog.Discover(options.FunctionAssemblies);
                    foreach (var f in catalog.Http)
                    {
                        Console.WriteLine($"{f.Name}: [{string.Join(',', f.Methods)}] /api/{f.Route}");
                    }

                    foreach (var f in catalog.Queues)
                    {
                        Console.WriteLine($"{f.Name}: queue {f.QueueName}");
                    }

                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"Unknown command '{command}'. Use serve, seed, check, token USER or functions.");
                    return 2;
            }
        }
        catch (InvalidOperationException ex)
        {
            // Configuration errors (e.g. Development auth outside Development) stop the host with a clear line.
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> IssueTokenAsync(string[] args, LocalHostOptions options)
    {
        var login = args.Length > 1 ? args[1] : null;
        var user = login is null ? null : DemoDirectory.Find(login);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"Unknown demo user '{login}'. Known: {string.Join(", ", DemoDirectory.Users.Select(u => u.Login))}.");
            return 2;
        }

        await using var app = LocalFunctionsHost.Build(options with { MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning });
        var issuer = app.Services.GetService<DevelopmentTokenIssuer>()
            ?? throw new InvalidOperationException("Tokens can be issued only when Auth:Mode is Development.");
        Console.WriteLine(issuer.Issue(user.ObjectId, user.IsApplication ? null : user.DisplayName, [user.Role]));
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
