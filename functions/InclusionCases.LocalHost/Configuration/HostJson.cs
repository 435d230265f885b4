using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace InclusionCases.LocalHost.Configuration;

/// <summary>
/// The parts of the Functions app's <c>host.json</c> the local host honours: the HTTP route prefix
/// and the queue trigger settings. Absent values take the Functions host's defaults. As in Azure, an
/// app setting <c>AzureFunctionsJobHost__path__to__value</c> overrides the value at that path.
/// </summary>
public sealed record HostJson(string RoutePrefix, QueueTriggerSettings Queues)
{
    public const string FileName = "host.json";

    public static HostJson Defaults { get; } = new("api", QueueTriggerSettings.Defaults);

    /// <summary>The section of app settings that overrides host.json values, as the Functions host reads it.</summary>
    public const string OverrideSection = "AzureFunctionsJobHost";

    public static HostJson Load(string path, IConfiguration? appSettings = null)
    {
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })
            ?? throw new InvalidOperationException($"{path} is empty.");
        if (appSettings is not null)
        {
            ApplyOverrides(root, appSettings.GetSection(OverrideSection));
        }

        var extensions = root["extensions"];
        var http = extensions?["http"];
        var queues = extensions?["queues"];
        var d = QueueTriggerSettings.Defaults;
        var batchSize = ReadInt(queues?["batchSize"]) ?? d.BatchSize;
        var settings = new QueueTriggerSettings(
            BatchSize: batchSize,
            NewBatchThreshold: ReadInt(queues?["newBatchThreshold"]) ?? batchSize / 2,
            MaxDequeueCount: ReadInt(queues?["maxDequeueCount"]) ?? d.MaxDequeueCount,
            VisibilityTimeout: ReadTimeSpan(queues?["visibilityTimeout"]) ?? d.VisibilityTimeout,
            MaxPollingInterval: ReadTimeSpan(queues?["maxPollingInterval"]) ?? d.MaxPollingInterval,
            MessageEncoding: queues?["messageEncoding"]?.GetValue<string>() ?? d.MessageEncoding);
        if (!string.Equals(settings.MessageEncoding, "base64", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException("The local host supports the default queue message encoding, base64, only.");
        }

        return new HostJson(http?["routePrefix"]?.GetValue<string>() ?? Defaults.RoutePrefix, settings);
    }

    // Setting names are case-insensitive, so each override finds its host.json key ignoring case.
    private static void ApplyOverrides(JsonNode node, IConfigurationSection section)
    {
        foreach (var child in section.GetChildren())
        {
            if (child.Value is null && !child.GetChildren().Any())
            {
                continue; // a setting cleared to null overrides nothing
            }

            var existing = node.AsObject().FirstOrDefault(p => string.Equals(p.Key, child.Key, StringComparison.OrdinalIgnoreCase));
            var key = existing.Key ?? child.Key;
            if (child.Value is { } value)
            {
                node[key] = value;
            }
            else
            {
                node[key] ??= new JsonObject();
                ApplyOverrides(node[key]!, child);
            }
        }
    }

    // host.json holds numbers; an override from a setting is a string.
    private static int? ReadInt(JsonNode? node) =>
        node is null ? null : node.GetValueKind() == System.Text.Json.JsonValueKind.String ? int.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture) : node.GetValue<int>();

    private static TimeSpan? ReadTimeSpan(JsonNode? node) =>
        node is null ? null : TimeSpan.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);
}
