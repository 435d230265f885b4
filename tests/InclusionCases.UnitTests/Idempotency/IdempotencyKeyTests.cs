using InclusionCases.Functions.Idempotency;

namespace InclusionCases.UnitTests.Idempotency;

public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("order-2026_11_26-A")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void IsValid_OneTo64AllowedCharacters_True(string key) => Assert.True(IdempotencyKey.IsValid(key));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc\n")]
    [InlineData("\nabc")]
    [InlineData("a b")]
    [InlineData("a.b")]
    [InlineData("a/b")]
    [InlineData("caf\u00e9")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    public void IsValid_EmptyTooLongOrOtherCharacters_False(string? key) => Assert.False(IdempotencyKey.IsValid(key));
}
