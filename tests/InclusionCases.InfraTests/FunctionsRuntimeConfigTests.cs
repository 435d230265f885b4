using System.Text.Json.Nodes;

namespace InclusionCases.InfraTests;

/// <summary>
/// What the Functions app is deployed with: it runs with invariant globalization, and French and Dutch
/// problem texts exist only because the build lets the runtime create cultures it does not predefine.
/// The app's own runtimeconfig must say so, or every problem would be answered in English.
/// </summary>
public sealed class FunctionsRuntimeConfigTests
{
    [Fact]
    public void RuntimeConfig_InvariantGlobalization_WithCulturesBeyondThePredefinedOnes()
    {
        var config = Directory.GetFiles(Path.Combine(BicepCli.RepositoryRoot, "functions", "InclusionCases.Functions", "bin"), "InclusionCases.Functions.runtimeconfig.json", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .First();
        var properties = JsonNode.Parse(File.ReadAllText(config))!["runtimeOptions"]!["configProperties"]!;

        Assert.True(properties["System.Globalization.Invariant"]!.GetValue<bool>());
        Assert.False(properties["System.Globalization.PredefinedCulturesOnly"]!.GetValue<bool>());
    }
}
