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
}
