using System.Text.Json;
using InclusionCases.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace InclusionCases.Functions.Idempotency;

/// <summary>
/// The first answer to an idempotent request, kept to be answered again: its status, the headers a
/// client acts on (<c>Location</c>, <c>ETag</c>, <c>Content-Type</c>, and <c>Content-Language</c>, as
/// a kept problem stays in the language it was first written in; never cookies or credentials) and the
/// body bytes exactly as sent. Answered again, it adds <c>Idempotent-Replayed: true</c>.
/// </summary>
public sealed record StoredResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body) : IActionResult, IStatusCodeActionResult
{
    /// <summary>Marks an answer given again from the stored first one.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The only headers kept: the ones a client reads to find and version what was created.</summary>
    public static IReadOnlyList<string> KeptHeaders { get; } = [HeaderNames.Location, HeaderNames.ETag, HeaderNames.ContentType, HeaderNames.ContentLanguage];

    int? IStatusCodeActionResult.StatusCode => Status;

    /// <summary>What <paramref name="result"/> will answer, or null for a kind of result that cannot be kept.</summary>
    public static StoredResponse? From(IActionResult result)
    {
        switch (result)
        {
            case JsonBodyResult json:
                var headers = json.Headers
                    .Where(h => KeptHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
                    .ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
                headers[HeaderNames.ContentType] = json.ContentType + "; charset=utf-8";
                return new StoredResponse(json.StatusCode, headers, JsonSerializer.SerializeToUtf8Bytes(json.Body, json.Body.GetType(), ApiJson.Options));
            case IStatusCodeActionResult { StatusCode: { } status } and (StatusCodeResult or NoContentResult):
                return new StoredResponse(status, new Dictionary<string, string>(), []);
            default:
                return null;
        }
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            if (KeptHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                response.Headers[name] = value;
            }
        }

        response.Headers[ReplayedHeader] = "true";
        if (Body.Length > 0)
        {
            response.Headers.XContentTypeOptions = "nosniff";
            await response.Body.WriteAsync(Body, context.HttpContext.RequestAborted);
        }
    }
}
