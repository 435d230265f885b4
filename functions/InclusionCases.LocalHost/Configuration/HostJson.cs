using System.Globalization;
using System.Text.Json.Nodes;

namespace InclusionCases.LocalHost.Configuration;

/// <summary>
/// The parts of the Functions app's <c>host.json</c> the local host honours: the HTTP route prefix
/// and the queue trigger settings. Absent values take the Functions host's defaults.
/// </summary>
public sealed record HostJson(string RoutePrefix, QueueTriggerSettings Queues)
{
    public const string FileName = "host.json";

    public static HostJson Defaults { get; } = new("api", QueueTriggerSettings.Defaults);

    public static HostJson Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })
            ?? throw new InvalidOperationException($"{path} is empty.");
        var extensions = root["extensions"];
        var http = extensions?["http"];
        var queues = extensions?["queues"];
        var d = QueueTriggerSettings.Defaults;
        var batchSize = queues?["batchSize"]?.GetValue<int>() ?? d.BatchSize;
        var settings = new QueueTriggerSettings(
            BatchSize: batchSize,
            NewBatchThreshold: queues?["newBatchThreshold"]?.GetValue<int>() ?? batchSize / 2,
            MaxDequeueCount: queues?["maxDequeueCount"]?.GetValue<int>() ?? d.MaxDequeueCount,
            VisibilityTimeout: ReadTimeSpan(queues?["visibilityTimeout"]) ?? d.VisibilityTimeout,
            MaxPollingInterval: ReadTimeSpan(queues?["maxPollingInterval"]) ?? d.MaxPollingInterval,
            MessageEncoding: queues?["messageEncoding"]?.GetValue<string>() ?? d.MessageEncoding);
        if (!string.Equals(settings.MessageEncoding, "base64", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException("The local host supports the default queue message encoding, base64, only.");
        }

        return new HostJson(http?["routePrefix"]?.GetValue<string>() ?? Defaults.RoutePrefix, settings);
    }

    private static TimeSpan? ReadTimeSpan(JsonNode? node) =>
        node is null ? null : TimeSpan.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);
}
