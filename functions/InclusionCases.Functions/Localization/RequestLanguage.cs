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
    /// matches its language and its regional variants (<c>fr-BE</c> is French); ties go to the range
    /// listed first; <c>*</c>, a missing or unreadable header, or only other languages give English.
    /// </summary>
    public static CultureInfo Negotiate(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage))
        {
            return English;
        }

        CultureInfo? best = null;
        var bestQuality = 0.0;
        // Range by range, so one malformed range costs only itself; q=0 means "not this one".
        foreach (var part in acceptLanguage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (StringWithQualityHeaderValue.TryParse(part, out var range)
                && Match(range.Value.Value) is { } language
                && (range.Quality ?? 1.0) is var quality && quality > bestQuality)
            {
                (best, bestQuality) = (language, quality);
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

    // "fr", "FR" and "fr-BE" are French; "*" (any language) is answered in the default.
    private static CultureInfo? Match(string? range)
    {
        if (range == "*")
        {
            return English;
        }

        var primary = range?.Split('-', 2)[0];
        return Supported.FirstOrDefault(language => string.Equals(language.Name, primary, StringComparison.OrdinalIgnoreCase));
    }
}
