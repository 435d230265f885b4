using InclusionCases.Domain.Contacts;

namespace InclusionCases.UnitTests.Contacts;

public sealed class StreetContactRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 22, 0, 0, TimeSpan.Zero);

    private static StreetContactDraft Draft(
        string? id = "3f2b8c1e-6a0d-4c4e-9a57-0d8c2b9f1e11", DateTimeOffset? observedAt = null, string? zone = "Flagey",
        double? lat = 50.8273419, double? lon = 4.3725187, string? personId = null) =>
        new(id, observedAt ?? Now.AddHours(-1), zone, lat, lon, lat is not null || lon is not null, personId, " Red dog ",
            [Need.Shelter, Need.Food, Need.Food], [], "notes", true, null);

    [Fact]
    public void Check_ValidDraft_RoundsLocationAndNormalises()
    {
        var (contact, errors) = StreetContactRules.Check(Draft(), Now);

        Assert.Empty(errors);
        Assert.Equal(new GeoPoint(50.827, 4.373), contact!.Location);
        Assert.Equal("Red dog", contact.Alias);
        Assert.Equal([Need.Food, Need.Shelter], contact.Needs);
        Assert.False(contact.FollowUp);
    }

    [Theory]
    [InlineData(50.82749, 4.37249, 50.827, 4.372)]
    [InlineData(50.8275, 4.3725, 50.828, 4.373)]
    [InlineData(-33.86785, 151.20732, -33.868, 151.207)]
    public void Round_KeepsThreeDecimals_About100Metres(double lat, double lon, double expectedLat, double expectedLon)
    {
        Assert.Equal(new GeoPoint(expectedLat, expectedLon), LocationRounding.Round(lat, lon));
    }

    public static TheoryData<StreetContactDraft, string> Invalid => new()
    {
        { Draft(id: "123"), "id" },
        { Draft(id: null), "id" },
        { Draft(observedAt: Now.AddHours(2)), "observedAt" },
        { Draft(observedAt: Now.AddYears(-2)), "observedAt" },
        { Draft(zone: " "), "zone" },
        { Draft(zone: new string('z', 101)), "zone" },
        { Draft(lat: 91), "location" },
        { Draft(lon: 181), "location" },
        { Draft(lat: 50, lon: null), "location" },
        { Draft(personId: "' or 1 eq 1"), "personId" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Check_InvalidDraft_NamesTheField(StreetContactDraft draft, string field)
    {
        var (contact, errors) = StreetContactRules.Check(draft, Now);

        Assert.Null(contact);
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void Check_BatchLimit_KeepsAMarginBelowTheYear()
    {
        var nearTheLimit = Draft(observedAt: Now - StreetContactRules.MaxAge + TimeSpan.FromHours(12));

        Assert.NotNull(StreetContactRules.Check(nearTheLimit, Now).Contact);
        var (contact, errors) = StreetContactRules.Check(nearTheLimit, Now, StreetContactRules.BatchMaxAge);
        Assert.Null(contact);
        Assert.Contains("observedAt", errors.Keys);
        Assert.NotNull(StreetContactRules.Check(Draft(observedAt: Now - StreetContactRules.BatchMaxAge + TimeSpan.FromMinutes(1)), Now, StreetContactRules.BatchMaxAge).Contact);
    }
}
