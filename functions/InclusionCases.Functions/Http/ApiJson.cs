using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InclusionCases.Functions.Http;

/// <summary>The JSON conventions of the API contract: camelCase names and enum values, unknown fields refused.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Unknown fields are an error, not silently dropped (no mass assignment).
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            // Names like "CPAS d'Ixelles" stay readable; responses are JSON with nosniff, never HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new UtcTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
