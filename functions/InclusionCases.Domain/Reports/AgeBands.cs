namespace InclusionCases.Domain.Reports;

/// <summary>The age bands of the reports, from a birth year alone (the only date of birth kept).</summary>
public static class AgeBands
{
    public const string Unknown = "unknown";

    /// <summary>Every band, youngest first, then <see cref="Unknown"/>.</summary>
    public static IReadOnlyList<string> All { get; } = ["<18", "18-24", "25-34", "35-49", "50-64", "65+", Unknown];

    /// <summary>The band of someone born in <paramref name="birthYear"/>, in <paramref name="year"/>; a year after the event is unknown.</summary>
    public static string Of(int? birthYear, int year)
    {
        if (birthYear is not { } born || born > year)
        {
            return Unknown;
        }

        return (year - born) switch
        {
            < 18 => "<18",
            < 25 => "18-24",
            < 35 => "25-34",
            < 50 => "35-49",
            < 65 => "50-64",
            _ => "65+",
        };
    }
}
