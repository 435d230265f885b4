using System.Text.Json;
using InclusionCases.Functions.Localization;
using Microsoft.AspNetCore.Http;

namespace InclusionCases.Functions.Http;

/// <summary>Reads query-string values strictly: an unknown value is a 400 naming the parameter.</summary>
public static class QueryValues
{
    public static T? Enum<T>(HttpRequest request, string name, FieldErrors errors)
        where T : struct, System.Enum
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        if (!request.Query.TryGetValue(name, out var text) || string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = System.Enum.GetValues<T>().Where(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()) == text).ToList();
        if (match.Count == 1)
        {
            return match[0];
        }

        errors.Add(name, ApiText.OneOf(string.Join(", ", System.Enum.GetValues<T>().Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString())))));
        return null;
    }
}
