using InclusionCases.Domain.Text;
using InclusionCases.Functions.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace InclusionCases.Functions.Http;

/// <summary>Builds the API's responses, so every function answers in the same shapes.</summary>
public static class ApiResults
{
    /// <summary>Seconds a client should wait before retrying when storage is unavailable.</summary>
    public const int RetryAfterSeconds = 5;

    public static JsonBodyResult Ok(object body) => new(StatusCodes.Status200OK, body);

    public static JsonBodyResult Created(string location, object body, string? etag = null)
    {
        var result = new JsonBodyResult(StatusCodes.Status201Created, body);
        result.Headers[HeaderNames.Location] = location;
        if (etag is not null)
        {
            result.Headers[HeaderNames.ETag] = etag;
        }

        return result;
    }

    public static JsonBodyResult Ok(object body, string etag)
    {
        var result = Ok(body);
        result.Headers[HeaderNames.ETag] = etag;
        return result;
    }

    public static JsonBodyResult Accepted(object body) => new(StatusCodes.Status202Accepted, body);

    /// <summary>A 200 with a body that is not JSON (a CSV export), in UTF-8.</summary>
    public static ContentResult Text(string body, string mediaType) => new() { StatusCode = StatusCodes.Status200OK, Content = body, ContentType = mediaType + "; charset=utf-8" };

    public static NoContentResult NoContent() => new();

    public static JsonBodyResult Problem(HttpContext context, ApiProblemException problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var result = Problem(context, problem.Type, problem.Detail, problem.Errors, problem.Extensions);
        if (problem.RetryAfterSeconds is { } seconds)
        {
            result.Headers[HeaderNames.RetryAfter] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return result;
    }

    /// <summary>
    /// A problem answer in the request's language (<see cref="RequestLanguage"/>), named in its
    /// <c>Content-Language</c>: title, detail and field messages are rendered here, late, while the
    /// type URI and the field names stay as they are.
    /// </summary>
    public static JsonBodyResult Problem(HttpContext context, ProblemType type, Message detail, IReadOnlyDictionary<string, Message[]>? errors = null, IReadOnlyDictionary<string, object>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(detail);
        var language = RequestLanguage.Of(context.Request);
        var problem = new Problem
        {
            Type = type.Uri,
            Title = type.Title.Render(language),
            Status = type.Status,
            Detail = detail.Render(language),
            TraceId = RequestTrace.IdOf(context),
            Errors = errors?.ToDictionary(e => e.Key, e => e.Value.Select(message => message.Render(language)).ToArray(), StringComparer.Ordinal),
            Extensions = extensions?.ToDictionary(e => e.Key, e => e.Value),
        };
        var result = new JsonBodyResult(type.Status, problem, "application/problem+json");
        result.Headers[HeaderNames.ContentLanguage] = language.Name;
        result.Headers[HeaderNames.Vary] = HeaderNames.AcceptLanguage;
        return result;
    }

    public static JsonBodyResult Unauthorized(HttpContext context, Message detail, bool tokenPresented)
    {
        var result = Problem(context, ProblemTypes.Unauthorized, detail);
        // RFC 6750: a request without a token gets a bare challenge; a rejected token gets invalid_token.
        result.Headers[HeaderNames.WWWAuthenticate] = tokenPresented ? "Bearer error=\"invalid_token\"" : "Bearer";
        return result;
    }

    public static JsonBodyResult StorageUnavailable(HttpContext context)
    {
        var result = Problem(context, ProblemTypes.StorageUnavailable, ApiText.StorageUnavailable);
        result.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }
}
