using InclusionCases.Functions.Cases;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.UnitTests.Cases;

public sealed class RecordIdsTests
{
    [Fact]
    public void NewIds_CarryTheirPerson_AndAreLegalTableKeys()
    {
        var person = RecordIds.NewPersonId();
        var caseId = RecordIds.NewCaseId(person);
        var referral = RecordIds.NewReferralId(person);

        Assert.True(RecordIds.IsPersonId(person));
        Assert.Equal(person, RecordIds.PersonOfCase(caseId));
        Assert.Equal(person, RecordIds.PersonOfReferral(referral));
        Assert.Null(RecordIds.PersonOfCase(referral));
        Assert.All(new[] { person, caseId, referral, RecordIds.NewConsentId() }, id => Assert.True(TableKeys.IsValid(id)));
        Assert.NotEqual(RecordIds.NewCaseId(person), caseId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("' or 1 eq 1")]
    [InlineData("paaaaaaaaaaaaaaaa-caaaaaaaaa")]
    [InlineData("paaaaaaaaaaaaaaaa-caaaaaaaaaa ")]
    [InlineData("PAAAAAAAAAAAAAAAA-CAAAAAAAAAA")]
    [InlineData("paaaaaaaaaaaaaaa1-caaaaaaaaaa")]
    public void PersonOfCase_NotACaseId_IsNull(string value)
    {
        Assert.Null(RecordIds.PersonOfCase(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("paaaaaaaaaaaaaaa")]
    [InlineData("paaaaaaaaaaaaaaaaa")]
    [InlineData("Paaaaaaaaaaaaaaaa")]
    [InlineData("paaaaaaaaaaaaaaa1")]
    [InlineData("paaaaaaaaaaaaaaaa-caaaaaaaaaa")]
    public void IsPersonId_RefusesWhatTheApiNeverIssues(string? value)
    {
        Assert.False(RecordIds.IsPersonId(value));
        // Street contacts name persons by the same rule.
        Assert.False(Domain.Persons.PersonIds.IsValid(value));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData(" ")]
    [InlineData("\t")]
    public void Ids_WithAnythingAfterThem_AreNotIds(string tail)
    {
        var person = RecordIds.NewPersonId();

        Assert.False(RecordIds.IsPersonId(person + tail));
        Assert.Null(RecordIds.PersonOfCase(RecordIds.NewCaseId(person) + tail));
        Assert.Null(RecordIds.PersonOfReferral(RecordIds.NewReferralId(person) + tail));
        Assert.False(RecordIds.IsConsentId(RecordIds.NewConsentId() + tail));
        Assert.False(InclusionCases.Domain.Persons.PersonIds.IsValid(person + tail));
    }
}
