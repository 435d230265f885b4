using InclusionCases.Tools.Demo;

namespace InclusionCases.Tools.Tokens;

/// <summary>
/// <c>token USER [--settings PATH]</c>: prints a development token for a demo user, alone on one line.
/// Reads the settings and signs; it builds no host and touches no storage, so it answers at once.
/// </summary>
internal static class TokenCommand
{
    public const string Usage = "token USER [--settings PATH]";

    public static async Task<int> RunAsync(CommandLine commandLine, TextWriter output, TextWriter error)
    {
        var login = commandLine.ExpectPositionals(1, Usage)[0];
        var user = DemoDirectory.Find(login);
        if (user is null)
        {
            await error.WriteLineAsync($"Unknown demo user '{login}'. Known: {string.Join(", ", DemoDirectory.Users.Select(u => u.Login))}.");
            return 2;
        }

        var issuer = DevelopmentTokenIssuer.FromConfiguration(ToolConfiguration.FromLocalSettings(commandLine.Option(ToolConfiguration.SettingsOption)));
        await output.WriteLineAsync(issuer.IssueFor(user));
        return 0;
    }
}
