using InclusionCases.Functions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Tools.Consistency;

/// <summary><c>check [--settings PATH]</c>: walks the <c>Cases</c> table and prints what is half-written; exit 1 if anything is.</summary>
internal static class CheckCommand
{
    public const string Usage = "check [--settings PATH]";

    public static async Task<int> RunAsync(CommandLine commandLine, TextWriter output, CancellationToken cancellationToken)
    {
        commandLine.ExpectPositionals(0, Usage);

        var configuration = ToolConfiguration.FromLocalSettings(commandLine.Option(ToolConfiguration.SettingsOption));
        await using var services = new ServiceCollection().AddLogging().AddStorage(configuration).AddConsistencyCheck().BuildServiceProvider();
        var report = await services.GetRequiredService<ConsistencyChecker>().CheckAsync(cancellationToken);
        await output.WriteLineAsync($"{report.Cases} cases, {report.PendingProjection} waiting for the projector, {report.Problems.Count} problems");
        foreach (var problem in report.Problems)
        {
            await output.WriteLineAsync("  " + problem);
        }

        return report.Consistent ? 0 : 1;
    }
}
