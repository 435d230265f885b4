using System.Diagnostics;
using System.Text.Json;

namespace InclusionCases.IntegrationTests.Contract;

/// <summary>
/// The committed contract (<c>docs/openapi.json</c>) passes the linters partners' tooling uses, from the
/// repo's npm dev dependencies: Redocly CLI's recommended rules and Spectral's <c>spectral:oas</c>,
/// with no errors and no warnings. The configurations are in <c>.config/</c>.
/// </summary>
public sealed class ContractLintTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string Document = Path.Combine("docs", "openapi.json");

    [Fact]
    public async Task Redocly_RecommendedRules_ReportNothing()
    {
        var (exit, output, errors) = await RunNodeAsync("@redocly/cli/bin/cli.js", "lint", "--config", Path.Combine(".config", "redocly.yaml"), "--format", "json", Document);

        using var report = JsonDocument.Parse(output);
        var totals = report.RootElement.GetProperty("totals");
        Assert.True(exit == 0 && totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0, output + errors);
    }

    [Fact]
    public async Task Spectral_OasRules_ReportNothing()
    {
        var report = Path.Combine(Path.GetTempPath(), $"spectral-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output, errors) = await RunNodeAsync("@stoplight/spectral-cli/dist/index.js", "lint", "--ruleset", Path.Combine(".config", "spectral.yaml"), "--fail-severity", "hint", "--format", "json", "--output", report, Document);

            using var results = JsonDocument.Parse(await File.ReadAllTextAsync(report));
            Assert.True(exit == 0 && results.RootElement.GetArrayLength() == 0, output + errors + results.RootElement);
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static async Task<(int Exit, string Output, string Errors)> RunNodeAsync(string script, params string[] args)
    {
        var path = Path.Combine(Root, "node_modules", script);
        Assert.True(File.Exists(path), $"{path} is missing: run npm ci (./dev test does).");
        var start = new ProcessStartInfo("node") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // No update checks or telemetry from a test run.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
