using InclusionCases.Functions.Storage;

namespace InclusionCases.UnitTests.Storage;

public sealed class StorageNamesTests
{
    [Fact]
    public void Table_WithPrefix_PrependsIt()
    {
        Assert.Equal("t1a2Memberships", new StorageNames("t1a2").Table(TableNames.Memberships));
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("ab-c")]
    [InlineData("ab c")]
    public void Constructor_PrefixThatWouldMakeAnIllegalTableName_IsRefused(string prefix)
    {
        Assert.Throws<ArgumentException>(() => new StorageNames(prefix));
    }
}
