using InclusionCases.Domain.Matching;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.PersonFile;
using Microsoft.Extensions.Options;

namespace InclusionCases.UnitTests.Matching;

/// <summary>Identifiers as requests give them: checked by their digits, then only ever a keyed hash.</summary>
public sealed class IdentifierHashTests
{
    private const string Niss = "78031412349";
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static IdentifierHasher Hasher(byte fill) => new(Options.Create(new IdentifierHashOptions { IdentifierKey = Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray()) }));

    [Fact]
    public void TheSameNumber_HashesTheSame_AsPrintedOrNot_AndOnlyUnderTheSameKey()
    {
        var printed = PersonInputValidation.IdentifierHashes([new IdentifierInput(IdentifierScheme.Niss, "78.03.14-123.49")], Today, Hasher(1));
        var plain = PersonInputValidation.IdentifierHashes([new IdentifierInput(IdentifierScheme.Niss, Niss)], Today, Hasher(1));
        var otherKey = PersonInputValidation.IdentifierHashes([new IdentifierInput(IdentifierScheme.Niss, Niss)], Today, Hasher(2));

        Assert.Equal(plain, printed);
        var hash = Assert.Single(plain);
        Assert.Matches("^[0-9a-f]{32}$", hash);
        Assert.DoesNotContain(Niss[..6], hash, StringComparison.Ordinal);
        Assert.NotEqual(plain, otherKey);
    }

    [Fact]
    public void AFieldDigest_DependsOnTheFieldAndTheValue()
    {
        var hasher = Hasher(1);

        Assert.Equal(hasher.Digest("displayName", "jan peeters"), hasher.Digest("displayName", "jan peeters"));
        Assert.NotEqual(hasher.Digest("displayName", "jan peeters"), hasher.Digest("aliases", "jan peeters"));
        Assert.NotEqual(hasher.Digest("displayName", "jan peeters"), hasher.Digest("displayName", "jan peters"));
    }

    [Theory]
    [InlineData(IdentifierScheme.Niss, "78031412350", "identifiers[0].value")]
    [InlineData(IdentifierScheme.Niss, "7803141234", "identifiers[0].value")]
    [InlineData(IdentifierScheme.Bis, Niss, "identifiers[0].value")]
    [InlineData(IdentifierScheme.Niss, "780314123491234567890", "identifiers[0].value")]
    [InlineData(null, Niss, "identifiers[0].scheme")]
    public void ANumberThatDoesNotHold_IsRefusedOnItsField_WithoutRepeatingIt(IdentifierScheme? scheme, string value, string field)
    {
        var errors = new FieldErrors();

        PersonInputValidation.ValidateIdentifiers(errors, "identifiers", [new IdentifierInput(scheme, value)], Today);

        Assert.True(errors.Any);
        var problem = Assert.Throws<ApiProblemException>(errors.ThrowIfAny);
        var (named, messages) = Assert.Single(problem.Errors!);
        Assert.Equal(field, named);
        Assert.All(messages, m => Assert.DoesNotContain(value[..6], m.English(), StringComparison.Ordinal));
    }
}
