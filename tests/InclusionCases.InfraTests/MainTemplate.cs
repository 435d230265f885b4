using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InclusionCases.InfraTests;

/// <summary>infra/main.bicep built once to ARM JSON, and the app module's template inside it.</summary>
internal static partial class MainTemplate
{
    private static readonly Lazy<JsonObject> Main = new(() =>
    {
        var (exitCode, output, errors) = BicepCli.Run("build", "main.bicep", "--stdout");
        Assert.True(exitCode == 0, errors);
        return JsonNode.Parse(output)!.AsObject();
    });

    /// <summary>The deployment of modules/app.bicep.</summary>
    public static JsonObject AppDeployment => Main.Value["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "Microsoft.Resources/deployments")!.AsObject();

    /// <summary>The template of modules/app.bicep.</summary>
    public static JsonObject App => AppDeployment["properties"]!["template"]!.AsObject();

    public static IEnumerable<JsonObject> Resources(string type) =>
        App["resources"]!.AsArray().Select(r => r!.AsObject()).Where(r => r["type"]!.GetValue<string>() == type);

    /// <summary>The Function App's settings as the template writes them (literals or ARM expressions).</summary>
    public static JsonObject AppSettings() => Resources("Microsoft.Web/sites/config").Single()["properties"]!.AsObject();

    /// <summary>
    /// The value a setting takes when main.bicep is deployed with <paramref name="deploymentParameters"/>
    /// to the public Azure cloud. Only the expression forms the identity settings use are evaluated; any
    /// other expression fails the test rather than being guessed.
    /// </summary>
    public static string Evaluate(string setting, IReadOnlyDictionary<string, string> deploymentParameters)
    {
        var value = AppSettings()[setting]?.GetValue<string>() ?? throw new KeyNotFoundException($"The template does not set {setting}.");
        if (!value.StartsWith('['))
        {
            return value;
        }

        if (value == "[environment().authentication.loginEndpoint]")
        {
            return "https://login.microsoftonline.com/";
        }

        // A module parameter, passed straight through from a main.bicep parameter of the deployment.
        var moduleParameter = Parameter().Match(value);
        Assert.True(moduleParameter.Success, $"{setting} = {value}: an expression this test does not evaluate.");
        var passed = AppDeployment["properties"]!["parameters"]![moduleParameter.Groups["name"].Value]!["value"]!.GetValue<string>();
        var mainParameter = Parameter().Match(passed);
        Assert.True(mainParameter.Success, $"{setting} is passed as {passed}: an expression this test does not evaluate.");
        return deploymentParameters[mainParameter.Groups["name"].Value];
    }

    [GeneratedRegex(@"^\[parameters\('(?<name>[A-Za-z]+)'\)\]$")]
    private static partial Regex Parameter();
}
