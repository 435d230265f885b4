using System.Text.Json.Nodes;
using InclusionCases.Functions.Idempotency;

namespace InclusionCases.Functions.OpenApi;

/// <summary>The request headers operations declare: <c>If-Match</c> and <c>Idempotency-Key</c>.</summary>
internal static class RequestHeaders
{
    public static JsonObject IfMatch() => new()
    {
        ["name"] = "If-Match",
        ["in"] = "header",
        ["required"] = true,
        ["description"] = "The ETag of the record as last read; a change made meanwhile answers 412, a missing header 428.",
        ["schema"] = new JsonObject { ["type"] = "string" },
    };

    public static JsonObject IdempotencyKey() => new()
    {
        ["name"] = Idempotency.IdempotencyKey.HeaderName,
        ["in"] = "header",
        ["required"] = false,
        ["description"] = "A key chosen by the client for this request. The same key from the same caller with the same request " +
            "(method, path, body bytes) within 24 hours answers the first response again (status, Location, ETag, body, plus " +
            "Idempotent-Replayed: true) and creates nothing; a 4xx first answer is answered again too. Another request with the key is 422; " +
            "while the first request with the key still runs, 409 with Retry-After.",
        ["schema"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = Idempotency.IdempotencyKey.MaxLength, ["pattern"] = Idempotency.IdempotencyKey.Pattern },
    };
}
