using System.Reflection;
using InclusionCases.Functions.Pipeline;

namespace InclusionCases.LocalHost;

/// <summary>How to build a local host: where its settings come from and what it serves.</summary>
public sealed record LocalHostOptions
{
    /// <summary>The <c>local.settings.json</c> to read; none when null.</summary>
    public string? LocalSettingsPath { get; init; }

    /// <summary>Settings applied over local settings and environment variables (tests use this).</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>The host environment; by default <c>AZURE_FUNCTIONS_ENVIRONMENT</c>, else Development as with Core Tools.</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>The address to serve on; by default <c>http://127.0.0.1:{LocalHttpPort or 7071}</c>.</summary>
    public string? Url { get; init; }

    /// <summary>The <c>host.json</c> to honour; by default the one copied beside this program.</summary>
    public string HostJsonPath { get; init; } = Path.Combine(AppContext.BaseDirectory, "host.json");

    /// <summary>The assemblies whose functions are served; by default the Functions app alone.</summary>
    public IReadOnlyList<Assembly> FunctionAssemblies { get; init; } = [typeof(InclusionCases.Functions.Pipeline.HttpApi).Assembly];

    /// <summary>Whether queue and timer triggers run; tests turn them off to stand for a host that died before them.</summary>
    public bool RunTriggers { get; init; } = true;

    /// <summary>Changes to the app's services after its own composition (tests swap the clock this way).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>The minimum log level of the console; tests raise it to keep output readable.</summary>
    public Microsoft.Extensions.Logging.LogLevel MinimumLogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;
}
