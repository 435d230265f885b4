using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InclusionCases.InfraTests;

/// <summary>infra/main.bicep built once to ARM JSON, the app module's template inside it, and the modules inside that.</summary>
internal static partial class MainTemplate
{
    private static readonly Lazy<JsonObject> Built = new(() =>
    {
        var (exitCode, output, errors) = BicepCli.Run("build", "main.bicep", "--stdout");
        Assert.True(exitCode == 0, errors);
        return JsonNode.Parse(output)!.AsObject();
    });

    /// <summary>The template of main.bicep (subscription scope).</summary>
    public static JsonObject Main => Built.Value;

    /// <summary>The deployment of modules/app.bicep.</summary>
    public static JsonObject AppDeployment => Main["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "Microsoft.Resources/deployments")!.AsObject();

    /// <summary>The template of modules/app.bicep.</summary>
    public static JsonObject App => AppDeployment["properties"]!["template"]!.AsObject();

    /// <summary>The main template, then every module's template, each with the deployment that holds it.</summary>
    public static IEnumerable<TemplateScope> Scopes()
    {
        var pending = new Stack<TemplateScope>([new TemplateScope("main.bicep", Main, null, null)]);
        while (pending.TryPop(out var scope))
        {
            yield return scope;
            foreach (var deployment in Items(scope.Template).Where(r => r["type"]!.GetValue<string>() == "Microsoft.Resources/deployments"))
            {
                pending.Push(new TemplateScope(deployment["name"]!.GetValue<string>(), deployment["properties"]!["template"]!.AsObject(), scope, deployment));
            }
        }
    }

    /// <summary>The template of a module of modules/app.bicep, by its deployment name (e.g. inclusioncases-alerts).</summary>
    public static TemplateScope Module(string deploymentName) => Scopes().Single(s => s.Name == deploymentName);

    public static IEnumerable<JsonObject> Resources(string type) =>
        Items(App).Where(r => r["type"]!.GetValue<string>() == type);

    /// <summary>The resources of every template (main, app and its modules), with the template they are in.</summary>
    public static IEnumerable<(TemplateScope Scope, JsonObject Resource)> AllResources() =>
        Scopes().SelectMany(s => Items(s.Template).Select(r => (s, r)));

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
        return EvaluateInApp(value, deploymentParameters);
    }

    /// <summary>
    /// An expression of modules/app.bicep evaluated for a deployment of main.bicep with
    /// <paramref name="deploymentParameters"/> (main.bicep's defaults for the others). Evaluated forms: a literal,
    /// the login endpoint, a module parameter passed straight from a main.bicep parameter, and
    /// <c>if(parameters('flag'), 'a', 'b')</c> on such a parameter. Anything else fails the test.
    /// </summary>
    public static string EvaluateInApp(string value, IReadOnlyDictionary<string, string> deploymentParameters)
    {
        if (!value.StartsWith('['))
        {
            return value;
        }

        if (value == "[environment().authentication.loginEndpoint]")
        {
            return "https://login.microsoftonline.com/";
        }

        var parameter = Parameter().Match(value);
        if (parameter.Success)
        {
            return MainParameterBehind(parameter.Groups["name"].Value, deploymentParameters);
        }

        var conditional = Conditional().Match(value);
        Assert.True(conditional.Success, $"{value}: an expression this test does not evaluate.");
        return bool.Parse(MainParameterBehind(conditional.Groups["name"].Value, deploymentParameters))
            ? conditional.Groups["then"].Value
            : conditional.Groups["else"].Value;
    }

    /// <summary>The value of a variable of a template: a literal (object, array, string), not an expression.</summary>
    public static JsonNode Variable(JsonObject template, string name) =>
        template["variables"]?[name] ?? throw new KeyNotFoundException($"No variable {name}.");

    /// <summary>The resources of a template (non-symbolic: an array).</summary>
    public static IEnumerable<JsonObject> Items(JsonObject template) => template["resources"]!.AsArray().Select(r => r!.AsObject());

    // The main.bicep parameter a module parameter is passed from, and its value in this deployment.
    private static string MainParameterBehind(string moduleParameter, IReadOnlyDictionary<string, string> deploymentParameters)
    {
        var passed = AppDeployment["properties"]!["parameters"]![moduleParameter]!["value"]!.GetValue<string>();
        var mainParameter = Parameter().Match(passed);
        Assert.True(mainParameter.Success, $"{moduleParameter} is passed as {passed}: an expression this test does not evaluate.");
        var name = mainParameter.Groups["name"].Value;
        if (deploymentParameters.TryGetValue(name, out var value))
        {
            return value;
        }

        var fallback = Main["parameters"]![name]!["defaultValue"];
        Assert.True(fallback is not null, $"main.bicep parameter {name} has no default and the test gave no value.");
        return fallback.GetValueKind() == System.Text.Json.JsonValueKind.String ? fallback.GetValue<string>() : fallback.ToJsonString();
    }

    [GeneratedRegex(@"^\[parameters\('(?<name>[A-Za-z]+)'\)\]$")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^\[if\(parameters\('(?<name>[A-Za-z]+)'\), '(?<then>[^']*)', '(?<else>[^']*)'\)\]$")]
    private static partial Regex Conditional();
}

/// <summary>A compiled template: main.bicep, or a module with the deployment resource that holds it in <see cref="Parent"/>.</summary>
internal sealed record TemplateScope(string Name, JsonObject Template, TemplateScope? Parent, JsonObject? Deployment);
