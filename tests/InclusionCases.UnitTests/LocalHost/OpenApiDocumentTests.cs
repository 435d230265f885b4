using System.Text;
using System.Text.Json.Nodes;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using Microsoft.OpenApi;
using InclusionCases.Functions.OpenApi;
using InclusionCases.Functions.Pipeline;

namespace InclusionCases.UnitTests.LocalHost;

/// <summary>
/// The generated OpenAPI document covers every discovered route, is valid OpenAPI, and has what makes
/// good generated clients: named schemas, string enums, numbers as numbers, limits, headers, examples.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly JsonObject Document = OpenApiDocumentBuilder.Build(typeof(HttpApi).Assembly);

    [Fact]
    public void Document_HasEveryDiscoveredRouteAndMethod()
    {
        var paths = Document["paths"]!.AsObject();
        var operations = paths.SelectMany(p => p.Value!.AsObject().Select(m => m.Value!["operationId"]!.GetValue<string>())).ToHashSet();

        var functions = FunctionCatalog.Discover([typeof(HttpApi).Assembly]).Http;

        Assert.Equal(functions.Select(f => f.Name).ToHashSet(), operations);
        Assert.Contains("/admin/poison", paths.Select(p => p.Key));
        Assert.Contains("/cases/{caseId}", paths.Select(p => p.Key));
    }

    [Fact]
    public void Document_DeclaresBearerAndClientCredentials_AnonymousOperationsOptOut_AndRolesOnTheRest()
    {
        var operations = Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).Select(o => o.Value!).ToList();
        var schemes = Document["components"]!["securitySchemes"]!;

        Assert.Equal("bearer", schemes["bearer"]!["scheme"]!.GetValue<string>());
        Assert.NotNull(schemes["entraClientCredentials"]!["flows"]!["clientCredentials"]!["tokenUrl"]);
        Assert.Equal(2, Document["security"]!.AsArray().Count);
        foreach (var operation in operations)
        {
            var anonymous = operation["operationId"]!.GetValue<string>() is "GetHealth" or "GetOpenApi";
            Assert.Equal(anonymous, operation["security"] is JsonArray { Count: 0 });
            Assert.Equal(anonymous, operation["x-roles"] is null);
            Assert.Equal(anonymous, operation["responses"]!["401"] is null);
        }
    }

    [Fact]
    public void Document_EnumsAreNamedStringSchemasWithTheirContractValues()
    {
        var schemas = Document["components"]!["schemas"]!.AsObject();

        Assert.Equal("""{"type":"string","enum":["housingFirst","homelessness"]}""", schemas["CaseType"]!.ToJsonString());
        Assert.Equal("#/components/schemas/ConsentScope", schemas["ConsentRequest"]!["properties"]!["scope"]!["items"]!["$ref"]!.GetValue<string>());
        Assert.All(Nodes(Document).OfType<JsonObject>().Where(o => o.ContainsKey("enum")), e => Assert.NotNull(e["type"]));
        Assert.DoesNotContain("\"HousingFirst\"", Document.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Document_NamesEveryObjectSchema_SoGeneratorsMakeOneClassPerType()
    {
        var schemas = Document["components"]!["schemas"]!.AsObject();
        var inPaths = Nodes(Document["paths"]!).OfType<JsonObject>().Where(o => o.ContainsKey("schema")).Select(o => o["schema"]!).ToList();

        // Every body in a path is a reference; every object inside a named schema is a reference too.
        Assert.DoesNotContain(inPaths, s => s["properties"] is not null);
        foreach (var (name, schema) in schemas.Where(s => s.Key != "ConflictProblem"))
        {
            var nested = schema!["properties"]?.AsObject().Select(p => p.Value!).SelectMany(Nodes).OfType<JsonObject>().Where(o => o["properties"] is not null).ToList() ?? [];
            Assert.True(nested.Count == 0, $"{name} inlines an object: {string.Join(", ", nested.Select(n => n.ToJsonString()))}");
        }

        Assert.Contains("CaseSummaryPage", schemas.Select(s => s.Key));
        Assert.Equal("#/components/schemas/CaseResponse", Document["paths"]!["/cases/{caseId}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void Document_NumbersAreNumbers_NeverStrings()
    {
        var typed = Nodes(Document).OfType<JsonObject>().Where(o => o["type"] is JsonArray).Select(o => o["type"]!.AsArray().Select(t => t!.GetValue<string>()).ToList());

        Assert.All(typed, types => Assert.False(types.Contains("string") && (types.Contains("integer") || types.Contains("number")), string.Join("|", types)));
        Assert.Equal("integer", Document["components"]!["schemas"]!["PersonInput"]!["properties"]!["birthYear"]!["type"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Document_LimitsComeFromTheConstantsTheValidationUses()
    {
        var schemas = Document["components"]!["schemas"]!;

        Assert.Equal(FieldErrors.MaxNameLength, schemas["PersonInput"]!["properties"]!["displayName"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(FieldErrors.MaxNoteLength, schemas["NoteRequest"]!["properties"]!["text"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(InclusionCases.Functions.Contacts.ContactService.MaxBatchSize, schemas["ContactBatchRequest"]!["properties"]!["contacts"]!["maxItems"]!.GetValue<int>());
        Assert.Equal(-90, schemas["LocationInput"]!["properties"]!["lat"]!["minimum"]!.GetValue<int>());
        Assert.Equal(Paging.MaxLimit, Document["paths"]!["/cases"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "limit")!["schema"]!["maximum"]!.GetValue<int>());
        Assert.Equal(["text", "visibility"], schemas["NoteRequest"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("string", schemas["NoteRequest"]!["properties"]!["text"]!["type"]!.GetValue<string>());
        Assert.False(schemas["NoteRequest"]!["additionalProperties"]!.GetValue<bool>());
        Assert.Null(schemas["CaseResponse"]!["additionalProperties"]);
    }

    [Fact]
    public void Document_DeclaresTheHeadersPartnersRelyOn()
    {
        var paths = Document["paths"]!;
        var responses = Document["components"]!["responses"]!;

        Assert.NotNull(paths["/cases"]!["post"]!["responses"]!["201"]!["headers"]!["Location"]);
        Assert.NotNull(paths["/cases"]!["post"]!["responses"]!["201"]!["headers"]!["ETag"]);
        Assert.NotNull(paths["/cases/{caseId}"]!["get"]!["responses"]!["200"]!["headers"]!["ETag"]);
        Assert.Contains(paths["/cases/{caseId}"]!["patch"]!["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "If-Match" && p["required"]!.GetValue<bool>());
        Assert.NotNull(responses["StorageUnavailable"]!["headers"]!["Retry-After"]);
        Assert.NotNull(responses["StorageUnavailable"]!["headers"]!["Content-Language"]);
        Assert.Equal("#/components/responses/StorageUnavailable", paths["/health"]!["get"]!["responses"]!["503"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/ConflictProblem", responses["WorkflowConflict"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/responses/WorkflowConflict", paths["/cases/{caseId}"]!["patch"]!["responses"]!["409"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void Document_EveryOperationHasTagSummaryDescription_AndEveryBodyAnExample()
    {
        var operations = Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).Select(o => o.Value!).ToList();
        var declared = Document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToHashSet();

        Assert.All(operations, o =>
        {
            Assert.Contains(o["tags"]![0]!.GetValue<string>(), declared);
            Assert.False(string.IsNullOrWhiteSpace(o["summary"]!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(o["description"]!.GetValue<string>()));
            if (o["requestBody"] is { } body)
            {
                Assert.NotNull(body["content"]!["application/json"]!["example"]);
            }
        });
        Assert.Equal("Create case", Document["paths"]!["/cases"]!["post"]!["summary"]!.GetValue<string>());
    }

    [Fact]
    public void Document_DeclaresIdempotencyKeyAnd422OnTheCreatingPostsOnly()
    {
        var operations = Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).Select(o => o.Value!).ToList();
        bool TakesKey(JsonNode operation) => operation["parameters"]?.AsArray().Any(p => p!["name"]!.GetValue<string>() == "Idempotency-Key") ?? false;

        var idempotent = operations.Where(TakesKey).Select(o => o["operationId"]!.GetValue<string>()).Order(StringComparer.Ordinal);

        Assert.Equal(["AddNote", "CreateCase", "CreateOrganisation", "CreateReferral", "CreateTask", "LogContact", "RecordCheckIn", "RecordConsent", "SubmitContactBatch"], idempotent);
        Assert.All(operations.Where(TakesKey), o => Assert.NotNull(o["responses"]!["422"]));
        Assert.All(operations.Where(o => !TakesKey(o)), o => Assert.Null(o["responses"]!["422"]));
        Assert.Contains("refuses that header with 400", Document["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Document_IsReadByMicrosoftOpenApiWithoutErrors()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Document.ToJsonString()));

        var result = OpenApiDocument.Load(stream, "json");

        Assert.Empty(result.Diagnostic?.Errors ?? []);
        Assert.NotNull(result.Document);
        Assert.Equal(Document["paths"]!.AsObject().Count, result.Document.Paths.Count);
        Assert.Empty(result.Document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode node) => node switch
    {
        JsonObject o => new[] { node }.Concat(o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Nodes)),
        JsonArray a => new[] { node }.Concat(a.OfType<JsonNode>().SelectMany(Nodes)),
        _ => [node],
    };
}
