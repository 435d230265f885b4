using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Hosting;

namespace InclusionCases.Functions.OpenApi;

/// <summary>
/// Generates the OpenAPI 3.1 document from the code itself: the routes from the functions'
/// <c>[HttpTrigger]</c> attributes (the same discovery the local host serves from), their
/// descriptions and types from <see cref="ApiDocAttribute"/>, named schemas from the API's JSON
/// settings (<see cref="ComponentSchemas"/>), the roles from <see cref="AccessPolicy.Roles"/>. A route
/// without documentation, a request type without an example or a feature without a tag fails the
/// build of the document, so none can be left out.
/// </summary>
public static partial class OpenApiDocumentBuilder
{
    /// <summary>The contract's version: its major changes only with a breaking change.</summary>
    public const string Version = "2.0.0";

    /// <summary>The document of the functions in <paramref name="functions"/>; <paramref name="identity"/> fills the client-credentials scheme (the template when left out).</summary>
    public static JsonObject Build(Assembly functions, ContractIdentity? identity = null)
    {
        identity ??= ContractIdentity.Template;
        var schemas = new ComponentSchemas();
        ProblemResponses.AddSchemas(schemas);
        var paths = new JsonObject();
        var tags = new List<string>();
        foreach (var function in FunctionCatalog.Discover([functions]).Http.OrderBy(f => f.Route, StringComparer.Ordinal))
        {
            var doc = function.Method.GetCustomAttribute<ApiDocAttribute>()
                ?? throw new InvalidOperationException($"Function '{function.Name}' has no [ApiDoc]: every route must be documented.");
            var tag = ApiTags.Of(function.Method.DeclaringType!);
            tags.Add(tag);
            var (path, parameters) = Path(function.Route);
            var item = paths[path] as JsonObject ?? [];
            paths[path] = item;
            foreach (var method in function.Methods)
            {
                item[method.ToLowerInvariant()] = Operation(function, doc, tag, parameters, method, schemas);
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = Info(),
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/api", ["description"] = "This deployment; the local host serves http://127.0.0.1:7071/api." }),
            ["security"] = Security(identity),
            ["tags"] = new JsonArray([.. ApiTags.Declared(tags.Order(StringComparer.Ordinal)).Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["description"] = t.Description })]),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = SecuritySchemes(identity),
                ["headers"] = ResponseHeaders.Components(),
                ["responses"] = ProblemResponses.Components(),
                ["schemas"] = schemas.Build(),
            },
        };
    }

    private static JsonObject Info() => new()
    {
        ["title"] = "InclusionCases API",
        ["version"] = Version,
        ["summary"] = "Coordination of Housing First and homelessness cases between Belgian communes, CPAS and NGO partners.",
        ["description"] =
            "Cases, consent, referrals and street contacts about vulnerable people, shared only within the person's consent and the caller's role.\n\n" +
            "- Errors are RFC 9457 problem documents (`application/problem+json`): `type` is stable and safe to switch on; `title`, `detail` and the " +
            "field messages in `errors` follow `Accept-Language` among fr, nl and en (default en), answered with `Content-Language`.\n" +
            "- A record the caller may not see answers 404, exactly as one that does not exist.\n" +
            "- Lists page with `limit` (1 to 200, default 50) and `cursor`, the `next` value of the previous page (null on the last).\n" +
            "- Times are ISO 8601 with an offset and answered in UTC; dates are `yyyy-MM-dd`. Enums are camelCase strings; numbers are JSON numbers, never strings.\n" +
            "- Updates are conditional: send the `ETag` you read as `If-Match`.\n" +
            "- Operations that declare an Idempotency-Key header take one to make retries safe; every other operation refuses that header with 400.",
        ["contact"] = new JsonObject { ["name"] = "InclusionCases operators", ["email"] = "operators@inclusioncases.example" },
        ["license"] = new JsonObject { ["name"] = "Proprietary", ["identifier"] = "LicenseRef-Proprietary" },
    };

    private static JsonObject Operation(HttpFunction function, ApiDocAttribute doc, string tag, List<string> pathParameters, string method, ComponentSchemas schemas)
    {
        var operation = new JsonObject
        {
            ["operationId"] = function.Name,
            ["summary"] = Summary(function.Name),
            ["description"] = Description(doc),
            ["tags"] = new JsonArray(tag),
        };
        var parameters = new JsonArray();
        foreach (var name in pathParameters)
        {
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        foreach (var name in doc.Query)
        {
            parameters.Add(QueryParameters.Of(name, function.Name, schemas));
        }

        if (doc.Conditional)
        {
            parameters.Add(RequestHeaders.IfMatch());
        }

        if (doc.Idempotent)
        {
            parameters.Add(RequestHeaders.IdempotencyKey());
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (doc.Request is { } request)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = !doc.RequestOptional,
                ["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject { ["schema"] = schemas.Reference(request), ["example"] = RequestExamples.Of(request) },
                },
            };
        }

        var responses = new JsonObject();
        foreach (var status in new[] { doc.Success, doc.AlsoSuccess }.Where(s => s != 0).Order())
        {
            responses[status.ToString(CultureInfo.InvariantCulture)] = Success(doc, status, schemas);
        }

        foreach (var status in ProblemResponses.Of(doc, pathParameters.Count > 0, method))
        {
            responses[status.Status] = ComponentRef("responses", status.Component);
        }

        operation["responses"] = responses;
        if (doc.Anonymous)
        {
            operation["security"] = new JsonArray();
        }
        else
        {
            IEnumerable<AppRole> roles = doc.AnyRole ? Enum.GetValues<AppRole>() : AccessPolicy.Roles[doc.Operation];
            operation["x-roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r.ToString())]);
        }

        return operation;
    }

    private static JsonObject Success(ApiDocAttribute doc, int status, ComponentSchemas schemas)
    {
        var response = new JsonObject
        {
            ["description"] = status switch
            {
                201 => "Created.",
                202 => "Accepted; the work continues in the background.",
                204 => "Done; no content.",
                _ => "Success.",
            },
        };
        var headers = new JsonObject();
        if (doc.Location && status is 201 or 202)
        {
            headers["Location"] = ComponentRef("headers", ResponseHeaders.Location);
        }

        if (doc.ETag)
        {
            headers["ETag"] = ComponentRef("headers", ResponseHeaders.ETag);
        }

        if (doc.Idempotent)
        {
            headers["Idempotent-Replayed"] = ComponentRef("headers", ResponseHeaders.IdempotentReplayed);
        }

        if (headers.Count > 0)
        {
            response["headers"] = headers;
        }

        if (doc.Response is { } body && status != 204)
        {
            response["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schemas.Reference(body) } };
            if (doc.Csv)
            {
                response["content"]!["text/csv"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } };
            }
        }

        return response;
    }

    private static string Description(ApiDocAttribute doc)
    {
        var who = doc.Anonymous ? "No token needed."
            : doc.AnyRole ? "Any member, whatever the role."
            : "Roles: " + string.Join(", ", AccessPolicy.Roles[doc.Operation]) + ".";
        return doc.Summary + "\n\n" + who;
    }

    // "CreateCase" -> "Create case": short, stable, and the same words as the operation id.
    private static string Summary(string operationId)
    {
        var words = Words().Split(operationId).Where(w => w.Length > 0).ToList();
        return string.Join(' ', words.Select((w, i) => i == 0 ? w : w.ToLowerInvariant()));
    }

    private static JsonArray Security(ContractIdentity identity) => new(
        new JsonObject { ["bearer"] = new JsonArray() },
        new JsonObject { ["entraClientCredentials"] = new JsonArray(identity.Scope) });

    private static JsonObject SecuritySchemes(ContractIdentity identity) => new()
    {
        ["bearer"] = new JsonObject
        {
            ["type"] = "http",
            ["scheme"] = "bearer",
            ["bearerFormat"] = "JWT",
            ["description"] = "An Entra ID access token for the API, with app roles in the 'roles' claim.",
        },
        ["entraClientCredentials"] = new JsonObject
        {
            ["type"] = "oauth2",
            ["description"] = "A partner system's own identity: its Entra ID app registration, granted an app role on the API, gets a token " +
                "from the API's tenant by client credentials, for the API's .default scope. A deployment serves its own token URL and scope here; " +
                "the committed document has the general form (https://login.microsoftonline.com/{tenant-id}/oauth2/v2.0/token, api://{api-client-id}/.default).",
            ["flows"] = new JsonObject
            {
                ["clientCredentials"] = new JsonObject
                {
                    ["tokenUrl"] = identity.TokenUrl,
                    ["scopes"] = new JsonObject { [identity.Scope] = "The app roles the API granted to the calling application." },
                },
            },
        },
    };

    private static JsonObject ComponentRef(string kind, string name) => new() { ["$ref"] = $"#/components/{kind}/{name}" };

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

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:regex\(\^(?<literal>[a-z]+)\$\))?[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex Words();
}
