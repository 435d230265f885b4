using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace InclusionCases.IntegrationTests.Infrastructure;

/// <summary>A response read once: status, headers, raw body and, when JSON, the parsed document.</summary>
public sealed record ApiCall(HttpStatusCode Status, HttpResponseHeaders Headers, string? ContentType, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? ETag => Headers.ETag?.ToString();

    public string Field(string name) => Json.GetProperty(name).GetString()!;

    public static Task<ApiCall> SendAsync(TestHost host, HttpMethod method, string path, string? login, object? body = null, string? ifMatch = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        return SendWithTokenAsync(host, method, path, login is null ? null : host.TokenFor(login), body, ifMatch);
    }

    /// <summary>A call with a token of the test's own making (a member who is not a demo user).</summary>
    public static async Task<ApiCall> SendWithTokenAsync(TestHost host, HttpMethod method, string path, string? token, object? body = null, string? ifMatch = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var request = TestHost.Request(method, path, token);
        if (body is not null)
        {
            var json = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await host.Client.SendAsync(request);
        return new ApiCall(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }
}
