using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InclusionCases.Functions.Http;

/// <summary>
/// The JSON conventions of the API contract: camelCase names matched exactly, camelCase enum values,
/// numbers as JSON numbers, times with an offset, dates as <c>yyyy-MM-dd</c> (System.Text.Json's own
/// reading of <see cref="DateOnly"/>), unknown and repeated fields refused.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>How request bodies are parsed before they are bound: a repeated key is an error, not "last wins".</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // The Web defaults read "Person" as "person" and "1980" as 1980; the contract has neither.
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
            // Unknown fields are an error, not silently dropped (no mass assignment).
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            // Names like "CPAS d'Ixelles" stay readable; responses are JSON with nosniff, never HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new ExactEnumConverter());
        options.Converters.Add(new UtcTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
