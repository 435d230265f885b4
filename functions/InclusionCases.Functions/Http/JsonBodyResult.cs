using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionCases.Functions.Http;

/// <summary>
/// A JSON response written with the API's serializer settings. Writes the body itself instead of
/// relying on MVC output formatters, so it behaves the same in the Functions host and the local host.
/// </summary>
public sealed class JsonBodyResult(int statusCode, object body, string contentType = "application/json") : IActionResult
{
    public int StatusCode { get; } = statusCode;

    public object Body { get; } = body;

    /// <summary>The media type of the body, without its charset.</summary>
    public string ContentType { get; } = contentType;

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.ContentType = ContentType + "; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), ApiJson.Options, context.HttpContext.RequestAborted);
    }
}
