using InclusionCases.Functions.Hosting;
using InclusionCases.LocalHost.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace InclusionCases.LocalHost;

/// <summary>
/// The subcommands of the local host program: <c>serve</c> and <c>functions</c>. Seeding, the
/// consistency check and development tokens are commands of InclusionCases.Tools. Output meant for
/// scripts goes to stdout, the rest to stderr.
/// </summary>
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
                case "functions":
                    ListFunctions(options);
                    return 0;
                case "seed" or "check" or "token":
                    await Console.Error.WriteLineAsync($"'{command}' is a command of InclusionCases.Tools now: ./dev {command}.");
                    return 2;
                default:
                    await Console.Error.WriteLineAsync($"Unknown command '{command}'. Use serve or functions.");
                    return 2;
            }
        }
        catch (InvalidOperationException ex)
        {
            // Configuration errors (e.g. Development auth outside Development, a reserved route, a bad schedule) stop the host with a clear line.
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

    // Queue names and timer schedules are shown as declared and, with --settings, as the settings resolve them.
    private static void ListFunctions(LocalHostOptions options)
    {
        var catalog = FunctionCatalog.Discover(options.FunctionAssemblies);
        var settings = options.LocalSettingsPath is { } path
            ? new ConfigurationBuilder().AddInMemoryCollection(LocalSettings.Load(path).Values).AddEnvironmentVariables().Build()
            : null;
        var routePrefix = (File.Exists(options.HostJsonPath) ? HostJson.Load(options.HostJsonPath) : HostJson.Defaults).RoutePrefix.Trim('/');
        foreach (var f in catalog.Http)
        {
            Console.WriteLine($"{f.Name}: [{string.Join(',', f.Methods)}] /{string.Join('/', new[] { routePrefix, f.Route.Trim('/') }.Where(s => s.Length > 0))}");
        }

        foreach (var f in catalog.Queues)
        {
            Console.WriteLine($"{f.Name}: queue {Shown(f.QueueName, settings is null ? null : BindingExpressions.Resolve(f.QueueName, settings))}");
        }

        foreach (var f in catalog.Timers)
        {
            Console.WriteLine($"{f.Name}: timer {Shown(f.Schedule, settings is null ? null : LocalFunctionsHost.ParseSchedule(f, settings).Expression)}");
        }
    }

    private static string Shown(string declared, string? resolved) =>
        resolved is null || resolved == declared ? declared : $"{declared} = {resolved}";

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
