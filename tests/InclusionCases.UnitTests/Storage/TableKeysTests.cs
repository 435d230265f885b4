using InclusionCases.Functions.Storage;

namespace InclusionCases.UnitTests.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("ixelles-cpas", true)]
    [InlineData("8d1f6a52-0001-4c3e-9a6e-5f1b2c3d4e01", true)]
    [InlineData("' or 1 eq 1", true)] // legal as a key; filters are built with CreateQueryFilter, never concatenated
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("a#b", false)]
    [InlineData("a?b", false)]
    [InlineData("a\tb", false)]
    [InlineData("a\u0001b", false)]
    public void IsValid_FollowsTableStorageKeyRules(string? key, bool expected)
    {
        Assert.Equal(expected, TableKeys.IsValid(key));
    }

    [Fact]
    public void IsValid_OverLongKey_IsInvalid()
    {
        Assert.False(TableKeys.IsValid(new string('a', TableKeys.MaxLength + 1)));
    }
}
