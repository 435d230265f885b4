using System.Text;
using System.Text.Json.Nodes;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using Microsoft.OpenApi;
using InclusionCases.Functions.OpenApi;
using InclusionCases.Functions.Pipeline;

namespace InclusionCases.UnitTests.LocalHost;

/// <summary>The generated OpenAPI document covers every discovered route and is valid OpenAPI.</summary>
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
    public void Document_EnumsAreStringsWithTheirContractValues()
    {
        var text = Document.ToJsonString();

        Assert.Contains("\"enum\":[\"housingFirst\",\"homelessness\"]", text, StringComparison.Ordinal);
        Assert.Contains("\"scope\":{\"type\":[\"array\",\"null\"],\"items\":{\"type\":\"string\",\"enum\":[\"case\",\"sensitive\"]}}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"HousingFirst\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_DeclaresBearerSecurityAndRolesOnEveryAuthenticatedRoute()
    {
        var operations = Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).ToList();

        Assert.Equal("bearer", Document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        foreach (var (_, operation) in operations.Where(o => o.Value!["operationId"]!.GetValue<string>() is not "GetHealth" and not "GetOpenApi"))
        {
            Assert.NotNull(operation!["security"]);
            Assert.NotEmpty(operation["x-roles"]!.AsArray());
            Assert.NotNull(operation["responses"]!["401"]);
        }
    }

    [Fact]
    public void Document_DeclaresIdempotencyKeyAnd422OnTheCreatingPostsOnly()
    {
        var operations = Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).Select(o => o.Value!).ToList();
        bool TakesKey(JsonNode operation) => operation["parameters"]?.AsArray().Any(p => p!["name"]!.GetValue<string>() == "Idempotency-Key") ?? false;

        var idempotent = operations.Where(TakesKey).Select(o => o["operationId"]!.GetValue<string>()).Order(StringComparer.Ordinal);

        Assert.Equal(["AddNote", "CreateCase", "CreateReferral", "RecordConsent"], idempotent);
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
}
