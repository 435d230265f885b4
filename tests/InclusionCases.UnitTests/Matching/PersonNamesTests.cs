using InclusionCases.Domain.Matching;

namespace InclusionCases.UnitTests.Matching;

/// <summary>Names normalised for French and Dutch: the spellings one person is written under compare equal.</summary>
public sealed class PersonNamesTests
{
    [Theory]
    [InlineData("Marie Dubois", "Dubois Marie")] // word order
    [InlineData("Marie Dubois", "MARIE  dubois")]
    [InlineData("Hélène Lefèvre", "Helene Lefevre")] // accents
    [InlineData("Zoë Peeters", "Zoe Peeters")]
    [InlineData("HÉLÈNE LEFÈVRE", "Helene Lefevre")] // capitals with accents
    [InlineData("Łukasz Wójcik", "Lukasz Wojcik")]
    [InlineData("Şükrü Çelik", "Sukru Celik")]
    [InlineData("François Ngoma", "Francois Ngoma")]
    [InlineData("Jean-Pierre Dupont", "Jean Pierre Dupont")] // hyphens
    [InlineData("Jan Van der Berg", "Jan Berg")] // Dutch particles
    [InlineData("Jan van den Bossche", "Bossche Jan")]
    [InlineData("Annick de Smet", "Smet Annick")]
    [InlineData("Pierre D'Hondt", "Pierre Hondt")] // apostrophes and the particle they carry
    [InlineData("Mohamed El Amrani", "Mohamed Amrani")]
    [InlineData("Kurt Vanden Driessche", "Kurt Vanden Driessche")] // particles glued to the name stay
    public void Key_IsTheSameForSpellingsOfOneName(string one, string other) =>
        Assert.Equal(PersonNames.Key(other), PersonNames.Key(one));

    [Theory]
    [InlineData("Marie Dubois", "Marie Dupont")]
    [InlineData("Jan Peeters", "Jana Peeters")]
    [InlineData("Mohamed Amrani", "Mohammed Amrani")] // spelling variants are the similarity measure's, not the key's
    public void Key_DiffersForOtherNames(string one, string other) =>
        Assert.NotEqual(PersonNames.Key(other), PersonNames.Key(one));

    [Fact]
    public void Words_AreSorted_WithoutParticles_UnlessNothingElseIsLeft()
    {
        Assert.Equal(["berg", "jan"], PersonNames.Words("Jan van der Berg"));
        Assert.Equal(["de", "la"], PersonNames.Words("De La")); // a name of particles only keeps them
        Assert.Empty(PersonNames.Words("  -- ' "));
        Assert.Empty(PersonNames.Words(null));
        Assert.Equal(["oeuvre", "strasse"], PersonNames.Words("Straße Œuvre"));
    }
}
