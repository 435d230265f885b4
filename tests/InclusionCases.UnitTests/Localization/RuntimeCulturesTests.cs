using InclusionCases.Functions.Localization;

namespace InclusionCases.UnitTests.Localization;

/// <summary>French and Dutch are cultures of their own here, not the English a runtime without them falls back to.</summary>
public sealed class RuntimeCulturesTests
{
    [Fact]
    public void FrenchAndDutch_AreTheirOwnCultures()
    {
        Assert.Equal("fr", RequestLanguage.French.Name);
        Assert.Equal("nl", RequestLanguage.Dutch.Name);
    }
}
