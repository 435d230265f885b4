using System.Diagnostics;
using System.Reflection;

namespace InclusionCases.InfraTests;

/// <summary>Runs the bicep binary of the NuGet package the build restored (its path is stamped into this assembly).</summary>
internal static class BicepCli
{
    public static string Path { get; } = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value
        ?? throw new InvalidOperationException("BicepPath was not set by the Azure.Bicep.CommandLine package.");

    /// <summary>The repository root (the folder holding InclusionCases.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string InfraFolder { get; } = System.IO.Path.Combine(RepositoryRoot, "infra");

    public static (int ExitCode, string Output, string Errors) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = InfraFolder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the CLI from looking for updates or sending telemetry: CI has no network.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("bicep did not finish in 3 minutes.");
        }

        return (process.ExitCode, output.Result, errors.Result);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "InclusionCases.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found.");
    }
}
