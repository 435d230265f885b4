using InclusionCases.Functions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Tools.Demo;

/// <summary><c>seed [--settings PATH]</c>: creates the tables and queues and writes the demo organisations and users.</summary>
internal static class SeedCommand
{
    public const string Usage = "seed [--settings PATH]";

    public static async Task<int> RunAsync(CommandLine commandLine, TextWriter error, CancellationToken cancellationToken)
    {
        commandLine.ExpectPositionals(0, Usage);
        var configuration = ToolConfiguration.FromLocalSettings(commandLine.Option(ToolConfiguration.SettingsOption));
        await using var services = new ServiceCollection().AddLogging().AddStorage(configuration).AddDemoData().BuildServiceProvider();
        await services.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
        await error.WriteLineAsync($"Seeded {DemoDirectory.Organisations.Count} organisations and {DemoDirectory.Users.Count} users.");
        return 0;
    }
}
