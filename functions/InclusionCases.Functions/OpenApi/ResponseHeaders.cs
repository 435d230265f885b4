using System.Text.Json.Nodes;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.OpenApi;

/// <summary>The response headers the API answers with, declared once in <c>components/headers</c>.</summary>
internal static class ResponseHeaders
{
    public const string ETag = "ETag";
    public const string Location = "Location";
    public const string RetryAfter = "RetryAfter";
    public const string IdempotentReplayed = "IdempotentReplayed";
    public const string ContentLanguage = "ContentLanguage";
    public const string WwwAuthenticate = "WwwAuthenticate";

    public static JsonObject Components() => new()
    {
        [ContentLanguage] = Header("The language of the problem's title, detail and messages: fr, nl or en.", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("en", "fr", "nl") }),
        [ETag] = Header("The record's version, to send back as If-Match with a change.", String()),
        [IdempotentReplayed] = Header("true when this is the kept answer to an earlier request with the same Idempotency-Key.", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("true") }),
        [Location] = Header("Where what was created or accepted can be followed: the record (a case, an organisation), the list it joined (a note in the case's timeline, a member in the organisation's members), its own path (a referral, whose accept and decline routes are below it; a consent, which DELETE revokes), or the progress of a batch.", String()),
        [RetryAfter] = Header("Seconds to wait before trying again.", new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["example"] = ApiResults.RetryAfterSeconds }),
        [WwwAuthenticate] = Header("The bearer challenge (RFC 6750): error=\"invalid_token\" when a token was sent and refused.", String()),
    };

    private static JsonObject Header(string description, JsonObject schema) => new() { ["description"] = description, ["schema"] = schema };

    private static JsonObject String() => new() { ["type"] = "string" };
}
