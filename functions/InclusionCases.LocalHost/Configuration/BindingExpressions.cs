using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace InclusionCases.LocalHost.Configuration;

/// <summary>Resolves <c>%Setting%</c> binding expressions from app settings, as the Functions host does.</summary>
public static partial class BindingExpressions
{
    public static string Resolve(string expression, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return SettingReference().Replace(expression, match =>
        {
            var name = match.Groups["name"].Value;
            return configuration[name] ?? configuration[name.Replace("__", ":", StringComparison.Ordinal)]
                ?? throw new InvalidOperationException($"The binding expression '%{name}%' names an app setting that is not set.");
        });
    }

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex SettingReference();
}
