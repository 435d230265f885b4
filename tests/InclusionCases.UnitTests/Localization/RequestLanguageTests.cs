using InclusionCases.Functions.Localization;

namespace InclusionCases.UnitTests.Localization;

public sealed class RequestLanguageTests
{
    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("fr-BE", "fr")]
    [InlineData("FR-be", "fr")]
    [InlineData("nl", "nl")]
    [InlineData("nl-BE;q=0.8", "nl")]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("de", "en")]
    [InlineData("*", "en")]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    [InlineData("   ", "en")]
    [InlineData(";;==,,", "en")]
    [InlineData("not a language tag!", "en")]
    [InlineData("de-DE, nl;q=0.5, fr;q=0.7", "fr")]
    [InlineData("de-DE, fr;q=0.5, nl-BE;q=0.7", "nl")]
    [InlineData("nl-BE;q=0.8, fr-BE;q=0.9, en;q=0.1", "fr")]
    [InlineData("fr, nl", "fr")]
    [InlineData("nl, fr", "nl")]
    [InlineData("fr;q=0, nl;q=0.1", "nl")]
    [InlineData("fr;q=0", "en")]
    [InlineData("*, fr;q=0.5", "en")]
    [InlineData("fr-BE, *;q=0.1", "fr")]
    [InlineData("en;q=0, *", "fr")]
    [InlineData("en;q=0, fr;q=0, *;q=0.5", "nl")]
    [InlineData("de, *;q=0", "en")]
    [InlineData("fr;q=garbage, nl;q=0.4", "nl")]
    public void Negotiate_PicksTheBestSupportedLanguage(string? acceptLanguage, string expected)
    {
        Assert.Equal(expected, RequestLanguage.Negotiate(acceptLanguage).Name);
    }
}
