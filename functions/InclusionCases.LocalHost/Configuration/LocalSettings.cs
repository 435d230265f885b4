using System.Text.Json.Nodes;

namespace InclusionCases.LocalHost.Configuration;

/// <summary>
/// Reads <c>local.settings.json</c> as Core Tools does: its <c>Values</c> become app settings (a
/// <c>__</c> in a name is a section separator, as for environment variables) and
/// <c>Host:LocalHttpPort</c> is the port to serve on.
/// </summary>
public sealed record LocalSettings(IReadOnlyDictionary<string, string?> Values, int? LocalHttpPort)
{
    public const string FileName = "local.settings.json";

    public static LocalSettings Empty { get; } = new(new Dictionary<string, string?>(), null);

    public static LocalSettings Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} is empty.");
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (root[nameof(Values)] is JsonObject settings)
        {
            foreach (var (name, value) in settings)
            {
                values[name.Replace("__", ":", StringComparison.Ordinal)] = value?.ToString();
            }
        }

        return new LocalSettings(values, root["Host"]?[nameof(LocalHttpPort)]?.GetValue<int>());
    }
}
