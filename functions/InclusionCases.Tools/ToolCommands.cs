using InclusionCases.Tools.Bootstrap;
using InclusionCases.Tools.Consistency;
using InclusionCases.Tools.Contract;
using InclusionCases.Tools.Demo;
using InclusionCases.Tools.Tokens;

namespace InclusionCases.Tools;

/// <summary>
/// The commands of the tools program. What a script reads (a token, the check's report, the rows
/// bootstrap wrote) goes to <c>output</c>; progress, refusals and errors go to <c>error</c>. Exit
/// codes: 0 done, 1 failed or refused (or, for <c>check</c>, a half-written case), 2 a command line
/// it cannot run.
/// </summary>
public static class ToolCommands
{
    /// <summary>Each command's usage line and what it does, as the usage message shows them.</summary>
    public static IReadOnlyList<(string Usage, string Does)> Commands { get; } =
    [
        (SeedCommand.Usage, "create the tables and queues, write the demo organisations and users (idempotent)"),
        (CheckCommand.Usage, "walk the Cases table: report half-written cases (exit 1 if any)"),
        (TokenCommand.Usage, "print a development token for a demo user"),
        (OpenApiCommand.Usage, "write the OpenAPI document the API serves (to refresh docs/openapi.json)"),
        (BootstrapCoordinatorArguments.Usage, "write the first Coordinator's organisation and membership rows into an Azure storage account, signed in as yourself (az login)"),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var rest = args.Skip(1);
        try
        {
            switch (args.FirstOrDefault())
            {
                case "seed":
                    return await SeedCommand.RunAsync(CommandLine.Parse(rest, ToolConfiguration.SettingsOption), error, cancellationToken);
                case "check":
                    return await CheckCommand.RunAsync(CommandLine.Parse(rest, ToolConfiguration.SettingsOption), output, cancellationToken);
                case "token":
                    return await TokenCommand.RunAsync(CommandLine.Parse(rest, ToolConfiguration.SettingsOption), output, error);
                case "openapi":
                    return await OpenApiCommand.RunAsync(CommandLine.Parse(rest, "--output"), output, error);
                case "bootstrap-coordinator":
                    return await BootstrapCoordinatorCommand.RunAsync(rest, output, error, cancellationToken);
                default:
                    await error.WriteLineAsync(args.Length == 0 ? "usage:" : $"Unknown command '{args[0]}'. Usage:");
                    foreach (var (usage, does) in Commands)
                    {
                        await error.WriteLineAsync($"  {usage}\n      {does}");
                    }

                    return 2;
            }
        }
        catch (ToolUsageException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            if (!ex.Message.StartsWith("usage:", StringComparison.Ordinal)
                && Commands.FirstOrDefault(c => c.Usage.StartsWith(args[0] + " ", StringComparison.Ordinal)).Usage is { } usage)
            {
                await error.WriteLineAsync("usage: " + usage);
            }

            return 2;
        }
        catch (InvalidOperationException ex)
        {
            // Configuration errors (no storage configured, not in Development mode, a bad signing key) end with one clear line.
            await error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }
}
