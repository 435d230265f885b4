using System.Net;
using System.Text.Json;

namespace InclusionCases.IntegrationTests.Infrastructure;

internal static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 problem response with the given status and returns its document.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status) =>
        AssertProblem(new ApiCall(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync()), status);

    /// <summary>Asserts an RFC 9457 problem response with the given status and returns its document.</summary>
    public static JsonElement AssertProblem(ApiCall call, HttpStatusCode status)
    {
        Assert.True(status == call.Status, $"Expected {(int)status}, got {(int)call.Status}: {call.Body}");
        Assert.Equal("application/problem+json", call.ContentType);
        var problem = call.Json;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()));
        return problem;
    }

    /// <summary>Asserts a 400 problem whose <c>errors</c> name <paramref name="field"/>.</summary>
    public static JsonElement AssertFieldError(ApiCall call, string field)
    {
        var problem = AssertProblem(call, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {call.Body}");
        return problem;
    }
}
