using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace InclusionCases.Functions.Http;

/// <summary>
/// The W3C trace id a problem quotes, so the id a partner reports finds the request's telemetry: the
/// current activity's (the Functions worker's invocation, or ASP.NET Core's request, which both continue
/// the caller's <c>traceparent</c>), else the trace id of the request's <c>traceparent</c> header.
/// </summary>
public static class RequestTrace
{
    public static string IdOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            return activity.TraceId.ToHexString();
        }

        var header = context.Request.Headers["traceparent"].ToString();
        return ActivityContext.TryParse(header, null, out var parent) ? parent.TraceId.ToHexString() : ActivityTraceId.CreateRandom().ToHexString();
    }
}
