using InclusionCases.Domain.Consents;

namespace InclusionCases.UnitTests.Consents;

/// <summary>A consent ends at midnight in Brussels after its last day, winter and summer alike.</summary>
public sealed class ConsentTests
{
    [Theory]
    [InlineData("2026-11-25", "2026-11-25T22:59:59Z", true)]
    [InlineData("2026-11-25", "2026-11-25T23:00:00Z", false)]
    [InlineData("2026-07-01", "2026-07-01T21:59:59Z", true)]
    [InlineData("2026-07-01", "2026-07-01T22:00:00Z", false)]
    public void IsActive_ThroughItsLastDayInBrussels(string expiresOn, string at, bool active)
    {
        var consent = new Consent(
            "k1", "paaaaaaaaaaaaaaaa", ["habitat-asbl"], new HashSet<ConsentScope> { ConsentScope.Case }, DateOnly.Parse(expiresOn, System.Globalization.CultureInfo.InvariantCulture),
            "Signed form", "sophie", "ixelles-cpas", DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), null);

        Assert.Equal(active, consent.IsActiveAt(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
