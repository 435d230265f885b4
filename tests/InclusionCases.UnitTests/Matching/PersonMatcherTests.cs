using InclusionCases.Domain.Matching;
using InclusionCases.Domain.Persons;
using InclusionCases.TestSupport;

namespace InclusionCases.UnitTests.Matching;

/// <summary>The matcher on the labelled set (at least 200 pairs), and the reasons it gives.</summary>
public sealed class PersonMatcherTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void OnTheLabelledSet_RecallIsAtLeast90Percent_AtPrecisionAtLeast95Percent()
    {
        var quality = MatchingLabelledSet.Evaluate();
        var wrong = string.Join("; ", quality.WrongByVariation.Select(w => $"{w.Key}: {w.Value}"));
        output.WriteLine($"{quality.Pairs} pairs: precision {quality.Precision:0.000}, recall {quality.Recall:0.000} at {quality.Threshold}; wrong: {wrong}");

        Assert.True(quality.Pairs >= 200);
        Assert.True(quality.Recall >= 0.9 && quality.Precision >= 0.95, $"recall {quality.Recall:0.000}, precision {quality.Precision:0.000}; wrong by variation: {wrong}");
    }

    [Fact]
    public void Score_SaysWhy()
    {
        var stored = new MatchProfile("Mohamed El Amrani", ["Red dog"], 1980, Gender.Male, ["Flagey"], []);
        var query = new MatchProfile("Amrani Mohammed", [], 1981, Gender.Male, ["Flagey"], []);

        var score = PersonMatcher.Score(query, stored);

        Assert.True(score.IsMatch, string.Join(", ", score.Reasons));
        Assert.Contains(score.Reasons, r => r.StartsWith("a name close to", StringComparison.Ordinal));
        Assert.Contains("born a year apart", score.Reasons);
        Assert.Contains("met in the same zone (Flagey)", score.Reasons);
    }

    [Fact]
    public void AnEqualIdentifierHash_Decides_AndANamesakeBornYearsApartIsNotProposed()
    {
        var stored = new MatchProfile("Marie Dubois", [], 1975, Gender.Female, [], ["h1"]);

        Assert.Equal(1, PersonMatcher.Score(new MatchProfile("Someone", [], null, null, [], ["h1"]), stored).Score);
        Assert.False(PersonMatcher.Score(new MatchProfile("Marie Dubois", [], 1990, Gender.Female, [], []), stored).IsMatch);
    }

    [Theory]
    [InlineData("Mohamed", "Mohammed")]
    [InlineData("Muhammad", "Mohamed")]
    [InlineData("Peeters", "Pieters")]
    [InlineData("Dubois", "Dubois")]
    public void SoundKeys_FoldSpellingsTogether(string one, string other) =>
        Assert.Equal(PhoneticKeys.OfName(one), PhoneticKeys.OfName(other));
}
