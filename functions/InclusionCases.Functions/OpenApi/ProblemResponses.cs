using System.Text.Json.Nodes;
using InclusionCases.Domain.Access;
using InclusionCases.Domain.Cases;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.OpenApi;

/// <summary>
/// The problem answers (RFC 9457) of the document: the <c>Problem</c> and <c>ConflictProblem</c>
/// schemas, one shared response per kind of problem, and which of them an operation can answer.
/// </summary>
internal static class ProblemResponses
{
    public const string Problem = "Problem";
    public const string ConflictProblem = "ConflictProblem";

    // Writes that land in a person's file: refused with 410 once the person was erased.
    private static readonly HashSet<ApiOperation> PersonWrites =
    [
        ApiOperation.CreateCase, ApiOperation.UpdateCase, ApiOperation.AddNote, ApiOperation.RecordConsent, ApiOperation.RevokeConsent,
        ApiOperation.CreateReferral, ApiOperation.AcceptReferral, ApiOperation.DeclineReferral, ApiOperation.WithdrawReferral, ApiOperation.CompleteReferral, ApiOperation.LogContacts, ApiOperation.CreateTask, ApiOperation.UpdateTask, ApiOperation.SetReferenceAddress, ApiOperation.RecordCheckIn,
    ];

    private static readonly (string Name, int Status, string Description, string Schema, string[] Headers)[] Kinds =
    [
        ("BadRequest", 400, "Invalid input: `errors` names each wrong field (`$` for the body as a whole) with its messages. Also a body sent to a route that takes none, or an Idempotency-Key where none is taken.", Problem, []),
        ("Unauthorized", 401, "Missing, expired or invalid bearer token.", Problem, [ResponseHeaders.WwwAuthenticate]),
        ("Forbidden", 403, "The caller's role or organisation may not do this.", Problem, []),
        ("NotFound", 404, "No such record, or one the caller may not know of: the two are answered alike.", Problem, []),
        ("Conflict", 409, "Conflict with the current state (type conflict), or no consent covers the organisation (type consent-required).", Problem, []),
        ("IdempotentConflict", 409, "Conflict with the current state; or (type idempotency-key-in-use, with Retry-After) the first request with this Idempotency-Key is still running.", Problem, [ResponseHeaders.RetryAfter]),
        ("WorkflowConflict", 409, "Conflict with the current state; a status move the workflow does not allow names the current status and the moves allowed from it.", ConflictProblem, []),
        ("Gone", 410, "The person's data was erased: nothing more is written about them (type erased).", Problem, []),
        ("PreconditionFailed", 412, "If-Match does not match the current ETag: read the record again.", Problem, []),
        ("PayloadTooLarge", 413, "Body over 1 MB.", Problem, []),
        ("UnsupportedMediaType", 415, "Body not JSON.", Problem, []),
        ("IdempotencyKeyReused", 422, "The Idempotency-Key was used in the last 24 hours for another request (type idempotency-key-reused).", Problem, []),
        ("PreconditionRequired", 428, "If-Match is missing.", Problem, []),
        ("TooManyRequests", 429, "Too many calls of this kind by this caller (type too-many-requests); nothing was done. Retry after the seconds Retry-After gives.", Problem, [ResponseHeaders.RetryAfter]),
        ("Unexpected", 500, "An unexpected failure, without details; quote the traceId to the operators.", Problem, []),
        ("StorageUnavailable", 503, "Storage unreachable; nothing was changed. Retry after the seconds Retry-After gives.", Problem, [ResponseHeaders.RetryAfter]),
    ];

    public static void AddSchemas(ComponentSchemas schemas)
    {
        schemas.Add(Problem, new JsonObject
        {
            ["type"] = "object",
            ["description"] = "An RFC 9457 problem document. Problem types may carry more members; clients keep what they do not know.",
            ["required"] = new JsonArray("type", "title", "status"),
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string", ["format"] = "uri", ["description"] = "A stable URI naming the kind of problem, " + ProblemTypes.Base + "…; the same in every language." },
                ["title"] = new JsonObject { ["type"] = "string", ["description"] = "A short summary of the kind of problem, in the answer's language." },
                ["status"] = new JsonObject { ["type"] = "integer", ["minimum"] = 400, ["maximum"] = 599 },
                ["detail"] = new JsonObject { ["type"] = "string", ["description"] = "What went wrong with this request, in the answer's language." },
                ["traceId"] = new JsonObject { ["type"] = "string", ["description"] = "The request's trace id, to quote to the operators." },
                ["errors"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "For 400: each wrong field (a JSON path such as person.displayName or contacts[3].zone, `$` for the whole body, or a query parameter or header name) with its messages.",
                    ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                },
            },
        });
        schemas.Add(ConflictProblem, new JsonObject
        {
            ["description"] = "A 409 problem; when a status move is refused by the workflow, with the current status and the moves allowed from it.",
            ["allOf"] = new JsonArray(
                ComponentSchemas.Reference(Problem),
                new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject
                    {
                        ["currentStatus"] = schemas.Reference(typeof(CaseStatus)),
                        ["allowed"] = new JsonObject { ["type"] = "array", ["items"] = schemas.Reference(typeof(CaseStatus)) },
                    },
                }),
        });
    }

    public static JsonObject Components() => new([.. Kinds.Select(k => KeyValuePair.Create(k.Name, (JsonNode?)Response(k.Description, k.Schema, k.Headers)))]);

    /// <summary>The problem answers an operation can give, by status, each naming its shared response.</summary>
    public static IEnumerable<(string Status, string Component)> Of(ApiDocAttribute doc, bool hasIds, string method)
    {
        var write = method is "POST" or "PUT" or "PATCH" or "DELETE";
        var names = new List<string> { "BadRequest" };
        if (!doc.Anonymous)
        {
            names.AddRange(["Unauthorized", "Forbidden"]);
        }

        if (hasIds)
        {
            names.Add("NotFound");
        }

        if (write && !doc.Anonymous)
        {
            names.Add(doc.Idempotent ? "IdempotentConflict" : doc.WorkflowConflict ? "WorkflowConflict" : "Conflict");
        }

        if (write && !doc.AnyRole && !doc.Anonymous && PersonWrites.Contains(doc.Operation))
        {
            names.Add("Gone");
        }

        if (doc.Conditional)
        {
            names.AddRange(["PreconditionFailed", "PreconditionRequired"]);
        }

        if (doc.Request is not null)
        {
            names.AddRange(["PayloadTooLarge", "UnsupportedMediaType"]);
        }

        if (doc.Idempotent)
        {
            names.Add("IdempotencyKeyReused");
        }

        if (doc.RateLimited)
        {
            names.Add("TooManyRequests");
        }

        names.AddRange(["Unexpected", "StorageUnavailable"]);
        return names.Select(n => (Kinds.Single(k => k.Name == n).Status.ToString(System.Globalization.CultureInfo.InvariantCulture), n)).OrderBy(s => s.Item1, StringComparer.Ordinal);
    }

    private static JsonObject Response(string description, string schema, string[] headers)
    {
        var all = new JsonObject { ["Content-Language"] = new JsonObject { ["$ref"] = "#/components/headers/" + ResponseHeaders.ContentLanguage } };
        foreach (var header in headers)
        {
            all[header switch { ResponseHeaders.RetryAfter => "Retry-After", ResponseHeaders.WwwAuthenticate => "WWW-Authenticate", _ => header }] = new JsonObject { ["$ref"] = "#/components/headers/" + header };
        }

        return new JsonObject
        {
            ["description"] = description,
            ["headers"] = all,
            ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = ComponentSchemas.Reference(schema) } },
        };
    }
}
