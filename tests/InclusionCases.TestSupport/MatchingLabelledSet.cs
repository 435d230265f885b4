using InclusionCases.Domain.Matching;
using InclusionCases.Domain.Persons;

namespace InclusionCases.TestSupport;

/// <summary>One labelled pair: a query profile, a stored one, whether they are one person, and the variation that made them.</summary>
public sealed record LabelledPair(MatchProfile Query, MatchProfile Stored, bool SamePerson, string Variation);

/// <summary>How the matcher did on the labelled set at its threshold, and the pairs it got wrong by variation.</summary>
public sealed record MatcherQuality(int Pairs, double Threshold, double Precision, double Recall, IReadOnlyDictionary<string, int> WrongByVariation);

/// <summary>
/// Synthetic record pairs for the person matcher, made from a fixed seed: the same person written
/// another way (accents, word order, a typo or one in each name, French and Dutch spellings and
/// transliterations, glued particles, an alias, a birth year one off or missing) and different people
/// with common names (the same first or last name as someone else, siblings, the same first name and
/// year in another family, namesakes born years apart, another gender). Names are the kind met in
/// Brussels; none is a real person's record.
/// </summary>
public static class MatchingLabelledSet
{
    private static readonly string[] MaleFirstNames = ["Mohamed", "Ahmed", "Youssef", "Jean", "Luc", "Koen", "Bart", "Karim", "Omar", "Mamadou", "Ibrahima", "Marc", "Thomas", "Dirk", "Wim", "Samir"];
    private static readonly string[] FemaleFirstNames = ["Marie", "Sophie", "Fatima", "Aïcha", "Nathalie", "Els", "Katrien", "Lies", "Amina", "Khadija", "Hélène", "Françoise", "Inge", "Sarah", "Leila", "Nadia"];
    private static readonly string[] LastNames =
    [
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambert",
        "Dupont", "Martin", "Simon", "Laurent", "Lefèvre", "Van der Berg", "Van den Bossche", "El Amrani", "Benali", "Diallo",
        "Ngoma", "Mukendi", "Kowalski", "Popescu", "D'Hondt", "Vermeulen", "Bouzid", "Haddad",
    ];

    // Family names that look alike but are other families.
    private static readonly (string, string)[] LookAlikes =
    [
        ("Martin", "Mertens"), ("Simon", "Simons"), ("Jacobs", "Jacques"), ("Claes", "Claessens"), ("Maes", "Mees"), ("Laurent", "Laurens"),
        ("Willems", "Willem"), ("Dupont", "Dupond"), ("Benali", "Benalla"), ("Haddad", "Hamdad"), ("Diallo", "Diallou"), ("Lambert", "Lambrecht"),
    ];

    private static readonly string[] Aliases = ["Red dog", "Le Grand", "Petit Louis", "De Boer", "Captain", "Mamie Rose", "Le Belge", "Tintin"];

    // Spellings of one name in French, Dutch and English transliteration, and as Belgian registers write them.
    private static readonly string[][] Spellings =
    [
        ["Mohamed", "Mohammed", "Muhammad", "Mohammad"], ["Aïcha", "Aicha", "Aisha"], ["Youssef", "Youssouf", "Yusuf"],
        ["Peeters", "Pieters", "Peters"], ["Khadija", "Khadidja", "Kadija"], ["Ahmed", "Ahmad"], ["Leila", "Leïla", "Layla"],
        ["Janssens", "Jansens", "Janssen"], ["Wouters", "Wauters"], ["Mertens", "Maertens"], ["Lefèvre", "Lefebvre", "Lefebre"],
        ["Dubois", "Du Bois"], ["Goossens", "Gossens"], ["Haddad", "Hadad"], ["Bouzid", "Bouzide"], ["Ibrahima", "Ibrahim"],
        ["Mamadou", "Mamadu"], ["Omar", "Oumar", "Umar"], ["Samir", "Sameer"], ["Nathalie", "Natalie"], ["Katrien", "Catherine"],
    ];

    /// <summary>Scores every pair of the set with <see cref="PersonMatcher"/> and counts.</summary>
    public static MatcherQuality Evaluate(IReadOnlyList<LabelledPair>? set = null)
    {
        set ??= Generate();
        var scored = set.Select(p => (p.SamePerson, p.Variation, Match: PersonMatcher.Score(p.Query, p.Stored).IsMatch)).ToList();
        var truePositives = scored.Count(s => s.SamePerson && s.Match);
        var proposed = scored.Count(s => s.Match);
        return new MatcherQuality(
            set.Count,
            PersonMatcher.Threshold,
            proposed == 0 ? 0 : truePositives / (double)proposed,
            truePositives / (double)scored.Count(s => s.SamePerson),
            scored.Where(s => s.SamePerson != s.Match).GroupBy(s => s.Variation).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary><paramref name="pairs"/> pairs, half of one person and half of two, from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<LabelledPair> Generate(int seed = 20261127, int pairs = 364)
    {
        var random = new Random(seed);
        var set = new List<LabelledPair>(pairs);
        for (var i = 0; i < pairs; i++)
        {
            var person = NewPerson(random);
            set.Add(i % 2 == 0 ? SamePerson(person, random, i / 2) : OtherPerson(person, random, i / 2));
        }

        return set;
    }

    private sealed record Person(string First, string Last, int BirthYear, Gender Gender, string Alias, string Zone)
    {
        public string Name => $"{First} {Last}";

        public MatchProfile Profile(string? name = null, int? birthYear = -1, Gender? gender = null, string[]? aliases = null) =>
            new(name ?? Name, aliases ?? [], birthYear == -1 ? BirthYear : birthYear, gender ?? Gender, [Zone], []);
    }

    private static Person NewPerson(Random random)
    {
        var gender = random.Next(2) == 0 ? Gender.Male : Gender.Female;
        var first = Pick(random, gender == Gender.Male ? MaleFirstNames : FemaleFirstNames);
        return new Person(first, Pick(random, LastNames), random.Next(1950, 2006), gender, Pick(random, Aliases), Pick(random, ["Flagey", "Midi", "Nord", "Porte de Hal", "Matonge"]));
    }

    private static LabelledPair SamePerson(Person p, Random random, int n)
    {
        var stored = p.Profile(aliases: [p.Alias]);
        return (n % 13) switch
        {
            12 => new(p.Profile(name: $"{p.First} {FirstLetterSlip(p.Last)}", birthYear: p.BirthYear + (random.Next(2) == 0 ? 1 : -1)), stored, true, "the first letter misheard, the birth year one off"),
            10 => new(p.Profile(name: $"{Typo(p.First, random)} {Typo(p.Last, random)}"), stored, true, "a typo in each name"),
            11 => new(p.Profile(name: $"{OtherSpelling(p.Last, random)} {p.First}", birthYear: null), stored, true, "another spelling, last name first, no birth year"),
            0 => new(p.Profile(name: p.Name.ToUpperInvariant()), stored, true, "capitals"),
            1 => new(p.Profile(name: Unaccented(p.Name)), stored, true, "no accents"),
            2 => new(p.Profile(name: $"{p.Last} {p.First}"), stored, true, "last name first"),
            3 => new(p.Profile(name: $"{p.First} {Typo(p.Last, random)}"), stored, true, "a typo in the last name"),
            4 => new(p.Profile(name: $"{Typo(p.First, random)} {p.Last}", birthYear: p.BirthYear + (random.Next(2) == 0 ? 1 : -1)), stored, true, "a typo in the first name, the birth year one off"),
            5 => new(p.Profile(birthYear: null, gender: null), stored, true, "no birth year or gender given"),
            6 => new(p.Profile(name: p.Alias, birthYear: null), stored, true, "known by the alias"),
            7 => new(p.Profile(name: $"{p.First} {Glued(p.Last)}"), stored, true, "the particle glued or the hyphen dropped"),
            8 => new(p.Profile(name: $"{OtherSpelling(p.First, random)} {OtherSpelling(p.Last, random)}"), stored, true, "another spelling"),
            _ => new(p.Profile(name: $"{p.Last.ToLowerInvariant()}, {p.First.ToLowerInvariant()}", birthYear: p.BirthYear - 1), stored, true, "lowercase, comma, a year off"),
        };
    }

    private static LabelledPair OtherPerson(Person p, Random random, int n)
    {
        var stored = p.Profile(aliases: [p.Alias]);
        string OtherLast() => PickOther(random, LastNames, p.Last);
        string OtherFirst() => PickOther(random, p.Gender == Gender.Male ? MaleFirstNames : FemaleFirstNames, p.First);
        return (n % 8) switch
        {
            7 => LookAlikes[random.Next(LookAlikes.Length)] is var (one, two)
                ? new(p.Profile(name: $"{p.First} {one}", birthYear: random.Next(1950, 2006)), p.Profile(name: $"{p.First} {two}", aliases: [p.Alias]), false, "the same first name, a look-alike family name")
                : throw new InvalidOperationException(),
            5 => new(p.Profile(name: $"{OtherFirst()} {p.Last}", birthYear: p.BirthYear + random.Next(-3, 4)), stored, false, "a sibling: the same family name, born within three years"),
            6 => new(p.Profile(name: $"{p.First} {OtherLast()}", birthYear: p.BirthYear), stored, false, "the same first name and birth year, another family"),
            0 => new(p.Profile(name: $"{p.First} {OtherLast()}", birthYear: random.Next(1950, 2006)), stored, false, "the same first name, another family"),
            1 => new(p.Profile(name: $"{OtherFirst()} {p.Last}", birthYear: random.Next(1950, 2006)), stored, false, "the same family name, another first name"),
            2 => new(p.Profile(birthYear: p.BirthYear + (random.Next(2) == 0 ? 1 : -1) * random.Next(4, 30)), stored, false, "a namesake born years apart"),
            3 => new(p.Profile(gender: p.Gender == Gender.Male ? Gender.Female : Gender.Male), stored, false, "a namesake of another gender"),
            _ => new(NewPerson(random) is var other && other.Name != p.Name ? other.Profile() : p.Profile(name: "Nobody Else"), stored, false, "someone else"),
        };
    }

    private static string Pick(Random random, string[] from) => from[random.Next(from.Length)];

    // Heard, not read: the first letter of the name taken for one that sounds near it.
    private static string FirstLetterSlip(string word) => char.ToUpperInvariant(word[0]) switch
    {
        'P' => "B" + word[1..],
        'B' => "P" + word[1..],
        'D' => "T" + word[1..],
        'M' => "N" + word[1..],
        'J' => "Y" + word[1..],
        'G' => "K" + word[1..],
        'V' => "F" + word[1..],
        'W' => "V" + word[1..],
        'L' => "R" + word[1..],
        'C' => "K" + word[1..],
        _ => "H" + word,
    };

    private static string PickOther(Random random, string[] from, string not)
    {
        string picked;
        do
        {
            picked = Pick(random, from);
        }
        while (picked == not || Spellings.Any(s => s.Contains(picked) && s.Contains(not)));
        return picked;
    }

    private static string Unaccented(string name) => name.Replace('ï', 'i').Replace('è', 'e').Replace('é', 'e').Replace('ç', 'c');

    // "Van der Berg" as "Vanderberg", "D'Hondt" as "DHondt"; a name without particles stays as it is.
    private static string Glued(string last) => last.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal);

    private static string OtherSpelling(string word, Random random) =>
        Spellings.FirstOrDefault(s => s.Contains(word)) is { } spellings ? Pick(random, [.. spellings.Where(s => s != word)]) : word;

    // One slip of the keyboard inside the word: two letters swapped, one doubled, or one left out.
    private static string Typo(string word, Random random)
    {
        if (word.Length < 4)
        {
            return word + word[^1];
        }

        var at = random.Next(1, word.Length - 2);
        return random.Next(3) switch
        {
            0 => string.Concat(word.AsSpan(0, at), word.AsSpan(at + 1, 1), word.AsSpan(at, 1), word.AsSpan(at + 2)),
            1 => word.Insert(at, word[at].ToString()),
            _ => word.Remove(at, 1),
        };
    }
}
