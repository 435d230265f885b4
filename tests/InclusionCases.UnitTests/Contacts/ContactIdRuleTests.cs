using InclusionCases.Domain.Contacts;

namespace InclusionCases.UnitTests.Contacts;

public sealed class ContactIdRuleTests
{
    private static readonly StreetContact Contact = new(
        "3f2b8c1e-6a0d-4c4e-9a57-0d8c2b9f1e11", new DateTimeOffset(2026, 11, 25, 22, 40, 0, TimeSpan.Zero), "Flagey", null, null, null, [Need.Food], [], null, false, false);

    private static readonly ContactIdClaim Held = new("ixelles-commune", "mediator-1", ContactFingerprint.Compute(Contact));

    [Fact]
    public void Decide_NothingHeld_New() => Assert.Equal(ContactIdOutcome.New, ContactIdRule.Decide(null, "ixelles-commune", Contact));

    [Fact]
    public void Decide_SameOrganisationSameContact_Same() => Assert.Equal(ContactIdOutcome.Same, ContactIdRule.Decide(Held, "ixelles-commune", Contact));

    [Fact]
    public void Decide_SameOrganisationOtherContact_Conflict() =>
        Assert.Equal(ContactIdOutcome.Conflict, ContactIdRule.Decide(Held, "ixelles-commune", Contact with { Zone = "Matonge" }));

    [Fact]
    public void Decide_OtherOrganisation_ConflictEvenWithTheSameContact()
    {
        Assert.Equal(ContactIdOutcome.Conflict, ContactIdRule.Decide(Held, "jette-commune", Contact));
        Assert.Equal(ContactIdOutcome.Conflict, ContactIdRule.Decide(Held, "jette-commune", Contact with { Zone = "Matonge" }));
    }
}
