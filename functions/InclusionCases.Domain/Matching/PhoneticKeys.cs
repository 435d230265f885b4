using System.Text;

namespace InclusionCases.Domain.Matching;

/// <summary>
/// A sound key for a name word, for French and Dutch spellings of the names met on Brussels streets:
/// spellings that sound alike (ph/f, c/k/q, y/ij/i, ou/oe/u, z/s, w/v, th/t, dt/d/t, doubled letters)
/// fold together, then the vowels after the first letter are dropped, as Soundex does. Mohamed,
/// Mohammed and Muhammad share <c>mhmt</c>; Peeters, Pieters and Peters share <c>ptrs</c>. It chooses
/// candidates (an index partition per key), never decides a match.
/// </summary>
public static class PhoneticKeys
{
    private static readonly (string From, string To)[] Folds =
    [
        ("sch", "s"), ("ph", "f"), ("th", "t"), ("dt", "t"), ("ck", "k"), ("qu", "k"), ("gh", "g"), ("kh", "k"), ("ch", "s"),
        ("ij", "i"), ("ou", "u"), ("oe", "u"), ("ae", "a"), ("ei", "e"), ("ai", "e"), ("ee", "e"), ("y", "i"), ("q", "k"),
        ("ce", "se"), ("ci", "si"), ("c", "k"), ("z", "s"), ("w", "v"), ("x", "ks"), ("h", string.Empty), ("d", "t"),
    ];

    /// <summary>The sound keys of a name's words (see <see cref="PersonNames.Words"/>), each once.</summary>
    public static IReadOnlyList<string> OfName(string? name) => [.. PersonNames.Words(name).Select(OfWord).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>The sound key of one normalised word (lowercase ASCII).</summary>
    public static string OfWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var folded = Folds.Aggregate(word, (w, f) => w.Replace(f.From, f.To, StringComparison.Ordinal));
        if (folded.Length == 0)
        {
            return string.Empty;
        }

        var key = new StringBuilder().Append(folded[0]);
        foreach (var c in folded.AsSpan(1))
        {
            if (c is not ('a' or 'e' or 'i' or 'o' or 'u') && key[^1] != c)
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }
}
