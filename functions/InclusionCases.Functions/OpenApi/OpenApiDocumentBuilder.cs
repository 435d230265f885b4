using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.RegularExpressions;
using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Idempotency;

namespace InclusionCases.Functions.OpenApi;

/// <summary>
/// Generates the OpenAPI 3.1 document from the code itself: the routes from the functions'
/// <c>[HttpTrigger]</c> attributes (the same discovery the local host serves from), their
/// descriptions and types from <see cref="ApiDocAttribute"/>, schemas from the API's JSON settings,
/// the roles from <see cref="AccessPolicy.Roles"/>. A route without documentation fails the build of
/// the document, so none can be left out.
/// </summary>
public static partial class OpenApiDocumentBuilder
{
    private static readonly JsonSchemaExporterOptions SchemaOptions = new()
    {
        TreatNullObliviousAsNonNullable = true,
        // Times and enums are written by custom converters, which the exporter cannot describe on its own
        // (for a list of enum values it even leaves out "items").
        TransformSchemaNode = (context, node) => context.TypeInfo.Type switch
        {
            var t when t == typeof(DateTimeOffset) => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            var t when t == typeof(DateTimeOffset?) => new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "date-time" },
            { IsEnum: true } t => EnumSchema(t, nullable: false),
            var t when Nullable.GetUnderlyingType(t) is { IsEnum: true } e => EnumSchema(e, nullable: true),
            var t when node is JsonObject list && ElementType(t) is { IsEnum: true } e => WithItems(list, EnumSchema(e, nullable: false)),
            var t when t == typeof(System.Text.Json.JsonElement) || t == typeof(System.Text.Json.JsonElement?) => new JsonObject { ["description"] = "Any JSON value." },
            _ => node,
        },
    };

    public static JsonObject Build(Assembly functions)
    {
        var paths = new JsonObject();
        foreach (var function in FunctionCatalog.Discover([functions]).Http.OrderBy(f => f.Route, StringComparer.Ordinal))
        {
            var doc = function.Method.GetCustomAttribute<ApiDocAttribute>()
                ?? throw new InvalidOperationException($"Function '{function.Name}' has no [ApiDoc]: every route must be documented.");
            var (path, parameters) = Path(function.Route);
            var item = paths[path] as JsonObject ?? [];
            paths[path] = item;
            foreach (var method in function.Methods)
            {
                item[method.ToLowerInvariant()] = Operation(function, doc, parameters, method);
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "InclusionCases API",
                ["version"] = "1.0.0",
                ["description"] = "Coordination of Housing First and homelessness cases between communes, CPAS and NGO partners. " +
                    "Errors are RFC 9457 problem documents. Lists page with limit and cursor. Times are ISO 8601 UTC. " +
                    "Operations that declare an Idempotency-Key header take one to make retries safe; every other operation refuses that header with 400.",
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/api" }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                        ["description"] = "An Entra ID access token for the API, with app roles in the 'roles' claim.",
                    },
                },
                ["schemas"] = new JsonObject { ["Problem"] = Schema(typeof(Problem)) },
            },
        };
    }

    private static JsonObject Operation(HttpFunction function, ApiDocAttribute doc, List<string> pathParameters, string method)
    {
        var operation = new JsonObject
        {
            ["operationId"] = function.Name,
            ["summary"] = doc.Summary,
        };
        var parameters = new JsonArray();
        foreach (var name in pathParameters)
        {
            parameters.Add(Parameter(name, "path", required: true));
        }

        foreach (var name in doc.Query)
        {
            parameters.Add(Parameter(name, "query", required: false));
        }

        if (doc.Conditional)
        {
            parameters.Add(Parameter("If-Match", "header", required: true));
        }

        if (doc.Idempotent)
        {
            parameters.Add(IdempotencyKeyParameter());
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (doc.Request is { } request)
        {
            operation["requestBody"] = new JsonObject { ["required"] = !doc.RequestOptional, ["content"] = Content("application/json", Schema(request)) };
        }

        var responses = new JsonObject();
        var success = new JsonObject { ["description"] = "Success." };
        if (doc.Response is { } response)
        {
            success["content"] = Content("application/json", Schema(response));
        }

        responses[doc.Success.ToString(System.Globalization.CultureInfo.InvariantCulture)] = success;
        foreach (var (status, why) in Problems(doc, pathParameters.Count > 0, method))
        {
            responses[status] = new JsonObject { ["description"] = why, ["content"] = Content("application/problem+json", new JsonObject { ["$ref"] = "#/components/schemas/Problem" }) };
        }

        operation["responses"] = responses;
        if (!doc.Anonymous)
        {
            operation["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });
            IEnumerable<AppRole> roles = doc.AnyRole ? Enum.GetValues<AppRole>() : AccessPolicy.Roles[doc.Operation];
            operation["x-roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r.ToString())]);
        }

        return operation;
    }

    private static IEnumerable<(string Status, string Why)> Problems(ApiDocAttribute doc, bool hasIds, string method)
    {
        if (doc.Request is not null || doc.Query.Length > 0 || hasIds)
        {
            yield return ("400", "Invalid input; errors names each field.");
        }

        if (!doc.Anonymous)
        {
            yield return ("401", "Missing, expired or invalid bearer token.");
            yield return ("403", "The caller's role or organisation may not do this.");
        }

        if (hasIds)
        {
            yield return ("404", "No such record, or one the caller may not know of.");
        }

        if (method is "POST" or "PATCH" or "DELETE" && !doc.Anonymous)
        {
            yield return ("409", doc.Idempotent
                ? "Conflict with the current state; or (type idempotency-key-in-use, with Retry-After) the first request with this Idempotency-Key is still running."
                : "Conflict with the current state.");
        }

        if (doc.Idempotent)
        {
            yield return ("422", "The Idempotency-Key was used in the last 24 hours for another request (type idempotency-key-reused).");
        }

        if (doc.Conditional)
        {
            yield return ("412", "If-Match does not match the current ETag.");
            yield return ("428", "If-Match is missing.");
        }

        if (doc.Request is not null)
        {
            yield return ("413", "Body over 1 MB.");
            yield return ("415", "Body not JSON.");
        }

        yield return ("503", "Storage unreachable; see Retry-After.");
    }

    // "cases/{caseId}" -> ("/cases/{caseId}", [caseId]); "{area:regex(^admin$)}/poison" -> ("/admin/poison", []).
    private static (string Path, List<string> Parameters) Path(string route)
    {
        var parameters = new List<string>();
        var path = RouteParameter().Replace(route, match =>
        {
            var name = match.Groups["name"].Value;
            if (match.Groups["literal"].Success)
            {
                return match.Groups["literal"].Value;
            }

            parameters.Add(name);
            return "{" + name + "}";
        });
        return ("/" + path, parameters);
    }

    private static JsonObject Parameter(string name, string where, bool required) => new()
    {
        ["name"] = name,
        ["in"] = where,
        ["required"] = required,
        ["schema"] = new JsonObject { ["type"] = "string" },
    };

    private static JsonObject IdempotencyKeyParameter() => new()
    {
        ["name"] = IdempotencyKey.HeaderName,
        ["in"] = "header",
        ["required"] = false,
        ["description"] = "A key chosen by the client for this request. The same key from the same caller with the same request " +
            "(method, path, body bytes) within 24 hours answers the first response again (status, Location, ETag, body, plus " +
            "Idempotent-Replayed: true) and creates nothing; a 4xx first answer is answered again too. Another request with the key is 422.",
        ["schema"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = IdempotencyKey.MaxLength, ["pattern"] = IdempotencyKey.Pattern },
    };

    private static JsonObject EnumSchema(Type enumType, bool nullable)
    {
        var names = ExactEnumConverter.NamesOf(enumType).Select(n => (JsonNode?)n);
        return nullable
            ? new JsonObject { ["type"] = new JsonArray("string", "null"), ["enum"] = new JsonArray([.. names, null]) }
            : new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. names]) };
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(type) ? element
        : null;

    private static JsonObject WithItems(JsonObject list, JsonObject items)
    {
        list["items"] = items;
        return list;
    }

    private static JsonObject Content(string mediaType, JsonNode schema) => new() { [mediaType] = new JsonObject { ["schema"] = schema } };

    private static JsonNode Schema(Type type)
    {
        var schema = ApiJson.Options.GetJsonSchemaAsNode(type, SchemaOptions);
        return Inline(schema, schema, depth: 0);
    }

    // The exporter writes a repeated type once and points at it with "#/…" relative to its own root,
    // which means nothing once the schema sits inside the document: such references are inlined.
    private static JsonNode Inline(JsonNode node, JsonNode root, int depth)
    {
        if (depth > 32)
        {
            throw new InvalidOperationException("A schema is too deep to inline (a recursive type?).");
        }

        switch (node)
        {
            case JsonObject o when o["$ref"] is JsonValue reference && reference.GetValue<string>() is ['#', ..] pointer:
                var target = pointer.TrimStart('#', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
                    .Aggregate((JsonNode?)root, (current, segment) => current is JsonArray array ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)] : current?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)])
                    ?? throw new InvalidOperationException($"The schema reference {pointer} points nowhere.");
                return Inline(target.DeepClone(), root, depth + 1);
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (o[key] is { } child)
                    {
                        var inlined = Inline(child, root, depth + 1);
                        if (!ReferenceEquals(inlined, child))
                        {
                            o[key] = inlined;
                        }
                    }
                }

                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } child)
                    {
                        var inlined = Inline(child, root, depth + 1);
                        if (!ReferenceEquals(inlined, child))
                        {
                            a[i] = inlined;
                        }
                    }
                }

                return a;
            default:
                return node;
        }
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:regex\(\^(?<literal>[a-z]+)\$\))?[^}]*\}")]
    private static partial Regex RouteParameter();
}
