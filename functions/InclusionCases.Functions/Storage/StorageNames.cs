using Microsoft.Extensions.Configuration;

namespace InclusionCases.Functions.Storage;

/// <summary>
/// Physical table names. An optional prefix (<c>Storage:TablePrefix</c>) lets several test classes
/// or environments share one account without seeing each other's data; it is empty in Azure.
/// </summary>
public sealed class StorageNames
{
    public const string PrefixSetting = "Storage:TablePrefix";

    public StorageNames(string prefix)
    {
        if (prefix.Length > 0 && !(char.IsAsciiLetter(prefix[0]) && prefix.All(char.IsAsciiLetterOrDigit)))
        {
            throw new ArgumentException("A table prefix must start with a letter and hold only letters and digits.", nameof(prefix));
        }

        Prefix = prefix;
    }

    public string Prefix { get; }

    public string Table(string logicalName) => Prefix + logicalName;

    public static StorageNames FromConfiguration(IConfiguration configuration) => new(configuration[PrefixSetting] ?? string.Empty);
}
