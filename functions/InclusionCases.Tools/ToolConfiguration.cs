using InclusionCases.LocalHost.Configuration;
using Microsoft.Extensions.Configuration;

namespace InclusionCases.Tools;

/// <summary>
/// The app settings a development command runs with, read as the local host reads them: the
/// <c>Values</c> of <c>local.settings.json</c> first, environment variables over them.
/// </summary>
public static class ToolConfiguration
{
    public const string SettingsOption = "--settings";

    /// <param name="localSettingsPath">The <c>local.settings.json</c> to read; none when null.</param>
    public static IConfiguration FromLocalSettings(string? localSettingsPath)
    {
        var settings = localSettingsPath is null ? LocalSettings.Empty : LocalSettings.Load(localSettingsPath);
        return new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Values)
            .AddEnvironmentVariables()
            .Build();
    }
}
