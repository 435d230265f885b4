using InclusionCases.Domain.Contacts;
using InclusionCases.Domain.Identity;

namespace InclusionCases.UnitTests.Identity;

public sealed class OfferTests
{
    [Fact]
    public void Offers_AreTheContactNeedsPlusTheReferralServices() =>
        Assert.Equal(
            Enum.GetNames<Need>().Concat([nameof(Offer.HousingFirst), nameof(Offer.ViolenceSupport), nameof(Offer.ReferenceAddress)]),
            Enum.GetNames<Offer>());

    [Fact]
    public void OrganisationKinds_KeepTheStoredNamesOfTheFirstThree()
    {
        // Rows written before the directory store these names; renaming one would make them unreadable.
        Assert.Equal(["Commune", "Cpas", "Ngo"], Enum.GetNames<OrganisationKind>().Take(3));
        Assert.Equal(["Commune", "Cpas", "Ngo", "Health", "Police", "Justice", "Other"], Enum.GetNames<OrganisationKind>());
    }

    [Fact]
    public void Organisation_ComparesItsListsByContent() =>
        Assert.Equal(
            new Organisation("a", "A", OrganisationKind.Ngo) { Offers = [Offer.Food], Languages = ["fr"] },
            new Organisation("a", "A", OrganisationKind.Ngo) { Offers = [Offer.Food], Languages = ["fr"] });

    [Fact]
    public void Membership_EndsAtValidUntil()
    {
        var until = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var membership = new Membership("u", "o", "U") { ValidUntil = until };

        Assert.True(membership.IsActiveAt(until.AddTicks(-1)));
        Assert.False(membership.IsActiveAt(until));
        Assert.True(new Membership("u", "o", "U").IsActiveAt(DateTimeOffset.MaxValue));
    }
}
