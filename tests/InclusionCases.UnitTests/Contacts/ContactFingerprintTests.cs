using InclusionCases.Domain.Contacts;

namespace InclusionCases.UnitTests.Contacts;

public sealed class ContactFingerprintTests
{
    private static readonly StreetContact Contact = new(
        "3f2b8c1e-6a0d-4c4e-9a57-0d8c2b9f1e11",
        new DateTimeOffset(2026, 11, 25, 22, 40, 0, TimeSpan.Zero),
        "Flagey",
        new GeoPoint(50.827, 4.373),
        "pabcdefghijklmnop",
        "Red dog",
        [Need.Food, Need.Shelter],
        [Need.Food, Need.Orientation],
        "Asked for a blanket",
        true,
        false);

    [Fact]
    public void Compute_FixedContact_IsPinned()
    {
        // Pinned (also recomputed by hand from the documented canonical text): a change here means every
        // stored v1 fingerprint stops matching its re-sends.
        Assert.Equal("v1:06b7c9b5ee515b1586d1857b6030a44ebf865db991797bdce80a800563b7f76b", ContactFingerprint.Compute(Contact));
    }

    [Fact]
    public void Compute_SameContact_SameFingerprint_WhateverTheOrderOfNeeds()
    {
        var again = Contact with { Needs = [Need.Shelter, Need.Food], ServicesOffered = [Need.Orientation, Need.Food] };

        Assert.Equal(ContactFingerprint.Compute(Contact), ContactFingerprint.Compute(again));
        Assert.True(ContactFingerprint.Matches(ContactFingerprint.Compute(Contact), again));
    }

    public static TheoryData<string, StreetContact> Changed => new()
    {
        { "id", Contact with { Id = "9c4d2e7a-1b3f-4a5c-8d6e-7f8a9b0c1d2e" } },
        { "observedAt", Contact with { ObservedAt = Contact.ObservedAt.AddTicks(1) } },
        { "zone", Contact with { Zone = "Flagey " } },
        { "lat", Contact with { Location = new GeoPoint(50.828, 4.373) } },
        { "lon", Contact with { Location = new GeoPoint(50.827, 4.374) } },
        { "location absent", Contact with { Location = null } },
        { "personId", Contact with { PersonId = "pbbbbbbbbbbbbbbbb" } },
        { "personId absent", Contact with { PersonId = null } },
        { "alias", Contact with { Alias = "Red cat" } },
        { "alias absent", Contact with { Alias = null } },
        { "needs", Contact with { Needs = [Need.Food] } },
        { "servicesOffered", Contact with { ServicesOffered = [Need.Food, Need.Water] } },
        { "notes", Contact with { Notes = "Asked for a blanket." } },
        { "notes absent", Contact with { Notes = null } },
        { "beddedDown", Contact with { BeddedDown = false } },
        { "followUp", Contact with { FollowUp = true } },
        // Length-prefixed values: moving text from one field to the next is still a change.
        { "alias and notes shifted", Contact with { Alias = "Red dog\nnotes=", Notes = null } },
    };

    [Theory]
    [MemberData(nameof(Changed))]
    public void Compute_AnyListedFieldChanged_DifferentFingerprint(string field, StreetContact changed)
    {
        Assert.NotEqual(ContactFingerprint.Compute(Contact), ContactFingerprint.Compute(changed));
        Assert.False(ContactFingerprint.Matches(ContactFingerprint.Compute(Contact), changed), field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2d1b7d4d")]
    [InlineData("v2:2d1b7d4dd5dfa5b0c5d18f2c0a54e7f7e1de1a0b4a6a6d1c0e1b0e6e2a2a8f55")]
    public void Matches_UnknownOrMissingVersion_NeverMatches(string? fingerprint)
    {
        Assert.False(ContactFingerprint.Matches(fingerprint, Contact));
    }

    [Fact]
    public void Compute_UnknownVersion_Throws()
    {
        Assert.Throws<ArgumentException>(() => ContactFingerprint.Compute(Contact, "v9"));
    }
}
