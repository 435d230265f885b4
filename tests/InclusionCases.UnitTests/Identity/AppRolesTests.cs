using InclusionCases.Domain.Identity;

namespace InclusionCases.UnitTests.Identity;

public sealed class AppRolesTests
{
    [Theory]
    [InlineData(new[] { "SocialWorker" }, new[] { AppRole.SocialWorker })]
    [InlineData(new[] { "Auditor", "Operator" }, new[] { AppRole.Auditor, AppRole.Operator })]
    [InlineData(new[] { "socialworker", "Admin", "0", "1", "" }, new AppRole[0])]
    [InlineData(new[] { "Partner", "Partner" }, new[] { AppRole.Partner })]
    public void Parse_KeepsOnlyExactKnownRoleNames(string[] claimValues, AppRole[] expected)
    {
        Assert.Equal(expected.ToHashSet(), AppRoles.Parse(claimValues).ToHashSet());
    }

    [Theory]
    [InlineData("Mediator,Partner")] // Enum.TryParse reads this as flags: Coordinator.
    [InlineData("SocialWorker,Auditor")]
    [InlineData("Mediator, Partner")]
    [InlineData(" Auditor")]
    [InlineData("Auditor ")]
    [InlineData("Auditor\n")]
    [InlineData("auditor")]
    [InlineData("AUDITOR")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("+3")]
    [InlineData("0x4")]
    [InlineData("Coordinator|Auditor")]
    public void Parse_ValueThatIsNotExactlyARoleName_IsNoRole(string value)
    {
        Assert.Empty(AppRoles.Parse([value]));
        Assert.Null(AppRoles.Find(value));
    }

    [Fact]
    public void Find_EveryRoleByItsOwnName_IsThatRole()
    {
        Assert.All(Enum.GetValues<AppRole>(), role => Assert.Equal(role, AppRoles.Find(role.ToString())));
    }
}
