using InclusionCases.Functions.Pipeline;

namespace InclusionCases.UnitTests.Tools;

/// <summary>The app keeps token validation only: seeding, minting tokens and the consistency walk live in InclusionCases.Tools.</summary>
public sealed class AppFenceTests
{
    [Theory]
    [InlineData("DevelopmentTokenIssuer")]
    [InlineData("DemoDataSeeder")]
    [InlineData("DemoDirectory")]
    [InlineData("ConsistencyChecker")]
    public void FunctionsAssembly_HasNoDevelopmentOrOperatorTool(string typeName)
    {
        Assert.DoesNotContain(typeof(HttpApi).Assembly.GetTypes(), t => t.Name == typeName);
    }
}
