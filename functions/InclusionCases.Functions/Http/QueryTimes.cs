using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace InclusionCases.Functions.Http;

/// <summary>Reads ISO 8601 times from the query string (<c>?from=2026-11-25T21:00:00Z</c>); a bad one is a 400 naming it.</summary>
public static class QueryTimes
{
    public static DateTimeOffset? Read(HttpRequest request, string name, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        if (!request.Query.TryGetValue(name, out var text) || string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        errors.Add(name, "An ISO 8601 time, e.g. 2026-11-25T21:00:00Z.");
        return null;
    }
}
