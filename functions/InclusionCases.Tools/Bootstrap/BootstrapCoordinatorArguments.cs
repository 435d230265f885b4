using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Storage;
using Microsoft.Extensions.Configuration;

namespace InclusionCases.Tools.Bootstrap;

/// <summary>
/// What <c>bootstrap-coordinator</c> is asked to write and where, checked before anything is
/// contacted. Ids are normalised to the form the API compares: object ids as Entra puts them in
/// <c>oid</c> (lower-case GUIDs), kinds by their enum names.
/// </summary>
public sealed record BootstrapCoordinatorArguments(
    string StorageAccountName,
    string TenantId,
    string ObjectId,
    Organisation Organisation,
    string DisplayName,
    string TablePrefix)
{
    public const string Usage =
        "bootstrap-coordinator --storage-account NAME --tenant-id TID --object-id OID --organisation-id ID " +
        "--organisation-name NAME --organisation-kind Commune|Cpas|Ngo [--display-name NAME] [--table-prefix PREFIX]";

    /// <summary>The membership's display name when none is given (the API shows a user's token name first).</summary>
    public const string DefaultDisplayName = "Coordinator";

    private const int MaxNameLength = 200;

    private static readonly string[] Options =
    [
        "--storage-account", "--tenant-id", "--object-id", "--organisation-id", "--organisation-name",
        "--organisation-kind", "--display-name", "--table-prefix",
    ];

    /// <summary>The membership row to write.</summary>
    public Membership Membership => new(ObjectId, Organisation.Id, DisplayName);

    /// <param name="args">The arguments after the command's name.</param>
    public static BootstrapCoordinatorArguments Parse(IEnumerable<string> args)
    {
        var commandLine = CommandLine.Parse(args, Options);
        commandLine.ExpectPositionals(0, Usage);
        var account = commandLine.Required("--storage-account");
        // Azure's rule for account names; anything else would only fail later as a DNS error.
        if (account.Length is < 3 or > 24 || !account.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            throw new ToolUsageException($"--storage-account '{account}' is not a storage account name (3 to 24 lower-case letters and digits)");
        }

        var organisationId = commandLine.Required("--organisation-id");
        if (!TableKeys.IsValid(organisationId))
        {
            throw new ToolUsageException($"--organisation-id '{organisationId}' cannot be a table key");
        }

        var kindText = commandLine.Required("--organisation-kind");
        var kind = Enum.GetNames<OrganisationKind>().FirstOrDefault(n => string.Equals(n, kindText, StringComparison.OrdinalIgnoreCase))
            ?? throw new ToolUsageException($"--organisation-kind '{kindText}' is none of {string.Join(", ", Enum.GetNames<OrganisationKind>())}");

        var prefix = commandLine.Option("--table-prefix")?.Trim() ?? string.Empty;
        try
        {
            _ = new StorageNames(prefix);
        }
        catch (ArgumentException ex)
        {
            throw new ToolUsageException($"--table-prefix '{prefix}': {ex.Message}");
        }

        return new BootstrapCoordinatorArguments(
            account,
            Guid("--tenant-id", commandLine),
            Guid("--object-id", commandLine),
            new Organisation(organisationId, Name("--organisation-name", commandLine.Required("--organisation-name")), Enum.Parse<OrganisationKind>(kind)),
            Name("--display-name", commandLine.Option("--display-name")?.Trim() is { Length: > 0 } name ? name : DefaultDisplayName),
            prefix);
    }

    /// <summary>
    /// The app's own identity-based connection settings for the account
    /// (<c>AzureWebJobsStorage__accountName</c>), with the table prefix.
    /// </summary>
    public IConfiguration StorageSettings() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        [$"{StorageAccount.DefaultConnectionName}:accountName"] = StorageAccountName,
        [StorageNames.PrefixSetting] = TablePrefix,
    }).Build();

    private static string Guid(string option, CommandLine commandLine)
    {
        var text = commandLine.Required(option);
        return System.Guid.TryParse(text, out var id) ? id.ToString("D") : throw new ToolUsageException($"{option} '{text}' is not a GUID");
    }

    private static string Name(string option, string name) =>
        name.Length <= MaxNameLength && !name.Any(char.IsControl) ? name : throw new ToolUsageException($"{option} must be at most {MaxNameLength} characters, without control characters");
}
