using System.Text;

namespace InclusionCases.Domain.Matching;

/// <summary>
/// Names as the matcher compares them, the same however a worker wrote them in French or Dutch:
/// lowercase, without accents (é, ë, ç), hyphens and apostrophes as spaces, without the particles
/// that come and go (de, du, des, d', le, la, l', van, von, der, den, ter, ten, 't), and in word order
/// sorted, so "Van der Berg Jan", "jan VANDENBERG"... compare by their words, and "Dubois Marie" is
/// "Marie Dubois". Particles glued to the name (Vandenberg) are not split: the similarity measure
/// catches those.
/// </summary>
public static class PersonNames
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "du", "des", "d", "le", "la", "l", "van", "von", "der", "den", "ter", "ten", "t", "vd", "v", "di", "da", "del", "della", "el", "al",
    };

    /// <summary>The name's words, normalised and sorted (particles left out, unless nothing else is left).</summary>
    public static IReadOnlyList<string> Words(string? name)
    {
        var plain = Plain(name);
        var words = plain.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Where(w => !Particles.Contains(w)).ToList();
        return [.. (kept.Count > 0 ? kept : [.. words]).Order(StringComparer.Ordinal)];
    }

    /// <summary>The name as one comparable string: its <see cref="Words"/> joined by spaces.</summary>
    public static string Key(string? name) => string.Join(' ', Words(name));

    /// <summary>Every letter of the name in its written order, particles included, without spaces: "Van der Berg" and "Vanderberg" meet here.</summary>
    public static string Compact(string? name) => Plain(name).Replace(" ", string.Empty, StringComparison.Ordinal);

    // Latin letters with accents and their plain letter, pairwise. The app runs without ICU (invariant
    // globalization), where string normalisation does not decompose them, so the table is ours.
    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňŉòóôõöøōŏőŕŗřśŝşšșţťŧțùúûüũūŭůűųŵýÿŷźżž";
    private const string Unaccented = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnnooooooooorrrsssssttttuuuuuuuuuuwyyyzzz";

    // Lowercase ASCII letters and digits, every other character a space; accents taken off their letters.
    private static string Plain(string? name)
    {
        var plain = new StringBuilder((name ?? string.Empty).Length);
        foreach (var c in name ?? string.Empty)
        {
            var lower = char.ToLowerInvariant(c);
            var accented = Accented.IndexOf(lower, StringComparison.Ordinal);
            plain.Append(lower switch
            {
                _ when accented >= 0 => Unaccented[accented].ToString(),
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                _ when char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower) => lower.ToString(),
                _ => " ",
            });
        }

        return plain.ToString();
    }
}
