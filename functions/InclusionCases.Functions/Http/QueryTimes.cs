using System.Globalization;
using InclusionCases.Domain.Time;
using InclusionCases.Functions.Localization;
using Microsoft.AspNetCore.Http;

namespace InclusionCases.Functions.Http;

/// <summary>
/// Reads times from the query string: a full ISO 8601 time with an offset
/// (<c>?from=2026-11-25T21:00:00Z</c>) or a date (<c>?from=2026-11-01</c>, midnight UTC), within the
/// plausible range (<see cref="PlausibleDates"/>). Anything else is a 400 naming the parameter, so no
/// reader downstream meets a time at the edge of <see cref="DateTimeOffset"/>'s range.
/// </summary>
public static class QueryTimes
{
    public static DateTimeOffset? Read(HttpRequest request, string name, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        if (!request.Query.TryGetValue(name, out var values) || string.IsNullOrEmpty(values))
        {
            return null;
        }

        if (values.Count != 1 || !TryParse(values.ToString(), out var value))
        {
            errors.Add(name, ApiText.TimeOrDate);
            return null;
        }

        // The host's clock (tests shift it), read from the request's services so callers need not pass it.
        var clock = request.HttpContext.RequestServices?.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        if (PlausibleDates.Check(value, clock.GetUtcNow()) is { } problem)
        {
            errors.Add(name, problem);
            return null;
        }

        return value;
    }

    /// <summary>Reads <c>yyyy-MM-dd</c> (midnight UTC) or a full ISO 8601 time with an offset.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        if (text is { Length: 10 } && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return UtcTimeConverter.TryParse(text, out value);
    }
}
