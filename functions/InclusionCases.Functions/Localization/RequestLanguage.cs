using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace InclusionCases.Functions.Localization;

/// <summary>
/// The language a problem is answered in: the best of French, Dutch and English by the request's
/// <c>Accept-Language</c> (RFC 9110, section 12.5.4), English when none of them is asked for.
/// </summary>
public static class RequestLanguage
{
    /// <summary>English: the neutral resources, the default and the language of logs.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    /// <summary>French.</summary>
    public static CultureInfo French { get; } = CultureOrEnglish("fr");

    /// <summary>Dutch.</summary>
    public static CultureInfo Dutch { get; } = CultureOrEnglish("nl");

    /// <summary>The languages the API answers in, the default first.</summary>
    public static IReadOnlyList<CultureInfo> Supported { get; } = [English, French, Dutch];

    /// <summary>The language for <paramref name="request"/>.</summary>
    public static CultureInfo Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Negotiate(request.Headers.AcceptLanguage.ToString());
    }

    /// <summary>
    /// The supported language with the highest quality in <paramref name="acceptLanguage"/>: a range
    /// matches its language and its regional variants (<c>fr-BE</c> is French), <c>*</c> the languages
    /// not named; ties go to the range listed first; a missing or unreadable header, or only other
    /// languages, give English.
    /// </summary>
    public static CultureInfo Negotiate(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage))
        {
            return English;
        }

        // Range by range, so one malformed range costs only itself.
        var ranges = new List<(string Primary, double Quality, int Position)>();
        foreach (var part in acceptLanguage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (StringWithQualityHeaderValue.TryParse(part, out var range) && range.Value.Value is { Length: > 0 } tag)
            {
                ranges.Add((tag.Split('-', 2)[0], range.Quality ?? 1.0, ranges.Count));
            }
        }

        // Each language's quality is that of the ranges naming it, else that of "*" (RFC 4647: "*" is
        // any language not named), so "en;q=0, *" excludes English. q=0 means "not this one"; ties go
        // to the range listed first, then to the default.
        CultureInfo? best = null;
        var (bestQuality, bestPosition) = (0.0, int.MaxValue);
        foreach (var language in Supported)
        {
            var named = ranges.Where(r => string.Equals(r.Primary, language.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            var candidates = named.Count > 0 ? named : ranges.Where(r => r.Primary == "*").ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var quality = candidates.Max(r => r.Quality);
            var position = candidates.First(r => r.Quality == quality).Position;
            if (quality > bestQuality || (quality > 0 && quality == bestQuality && position < bestPosition))
            {
                (best, bestQuality, bestPosition) = (language, quality, position);
            }
        }

        return best ?? English;
    }

    // The app runs with invariant globalization, where "fr" and "nl" exist only because the build sets
    // PredefinedCulturesOnly=false (a test checks the Functions app's runtimeconfig). Without it every
    // problem would fail to render; English problems are the lesser harm.
    private static CultureInfo CultureOrEnglish(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return English;
        }
    }
}
