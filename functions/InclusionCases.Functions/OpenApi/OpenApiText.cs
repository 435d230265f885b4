using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InclusionCases.Functions.OpenApi;

/// <summary>The document as the committed snapshot (<c>docs/openapi.json</c>) holds it: indented, readable, one final newline.</summary>
public static class OpenApiText
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    public static string Of(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.ToJsonString(Indented) + "\n";
    }
}
