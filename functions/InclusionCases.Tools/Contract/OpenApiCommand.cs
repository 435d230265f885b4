using InclusionCases.Functions.OpenApi;
using InclusionCases.Functions.Pipeline;

namespace InclusionCases.Tools.Contract;

/// <summary>
/// <c>openapi [--output PATH]</c>: writes the OpenAPI document the API serves, built from the same
/// code, to a file (the committed <c>docs/openapi.json</c>) or to stdout. No settings, no storage.
/// </summary>
internal static class OpenApiCommand
{
    public const string Usage = "openapi [--output PATH]";

    public static async Task<int> RunAsync(CommandLine commandLine, TextWriter output, TextWriter error)
    {
        commandLine.ExpectPositionals(0, Usage);
        var text = OpenApiText.Of(OpenApiDocumentBuilder.Build(typeof(HttpApi).Assembly));
        if (commandLine.Option("--output") is { } path)
        {
            await File.WriteAllTextAsync(path, text);
            await error.WriteLineAsync($"wrote {path}");
        }
        else
        {
            await output.WriteAsync(text);
        }

        return 0;
    }
}
