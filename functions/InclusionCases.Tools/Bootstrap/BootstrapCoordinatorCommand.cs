using Azure;
using Azure.Identity;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Tools.Bootstrap;

/// <summary>
/// <c>bootstrap-coordinator</c>: writes the first Coordinator's organisation and membership rows
/// into an Azure storage account as the operator's own Entra identity (<see cref="DefaultAzureCredential"/>,
/// e.g. <c>az login</c>, pinned to the tenant), over the app's identity-based connection settings.
/// Prints what it wrote; never a token or a key.
/// </summary>
internal static class BootstrapCoordinatorCommand
{
    public static Task<int> RunAsync(IEnumerable<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var arguments = BootstrapCoordinatorArguments.Parse(args);
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { TenantId = arguments.TenantId });
        var account = StorageAccount.FromConfiguration(arguments.StorageSettings(), credential: credential);
        return RunAsync(arguments, account, output, error, cancellationToken);
    }

    /// <summary>The command against a given account: the tests pass one with a connection string (Azurite).</summary>
    public static async Task<int> RunAsync(BootstrapCoordinatorArguments arguments, StorageAccount account, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(account);
        await using var services = new ServiceCollection().AddSingleton(account).AddCoordinatorBootstrap().BuildServiceProvider();
        CoordinatorBootstrapResult result;
        try
        {
            result = await services.GetRequiredService<CoordinatorBootstrap>().ApplyAsync(arguments.Organisation, arguments.Membership, cancellationToken);
        }
        catch (AuthenticationFailedException ex)
        {
            await error.WriteLineAsync($"error: could not sign in to tenant {arguments.TenantId} as yourself ({FirstLine(ex.Message)}); run `az login --tenant {arguments.TenantId}` first.");
            return 1;
        }
        catch (RequestFailedException ex)
        {
            await error.WriteLineAsync("error: " + Explain(ex, arguments, account));
            return 1;
        }

        var organisations = account.Table(TableNames.Organisations);
        var memberships = account.Table(TableNames.Memberships);
        await output.WriteLineAsync($"Tables at {account.Tables.Uri} (tenant {arguments.TenantId})");
        if (result.Refused)
        {
            await error.WriteLineAsync($"refused: {result.Refusal}.");
            await error.WriteLineAsync(result.Organisation == RowWrite.Written
                ? $"The {organisations.Name} row '{arguments.Organisation.Id}' was written; the membership was not."
                : "Nothing was written.");
            return 1;
        }

        var organisation = arguments.Organisation;
        await output.WriteLineAsync($"{organisations.Name} '{organisation.Id}': {Describe(result.Organisation)} (name \"{organisation.Name}\", kind {organisation.Kind})");
        var membership = result.ExistingMembership ?? arguments.Membership;
        await output.WriteLineAsync($"{memberships.Name} '{membership.UserId}': {Describe(result.Membership)} (organisation '{membership.OrganisationId}', display name \"{membership.DisplayName}\")");
        await output.WriteLineAsync(
            $"Next: give {arguments.ObjectId} the {AppRole.Coordinator} app role in Entra ID (Enterprise applications, the API, Users and groups). " +
            "Roles come from the token, not from this table, and this tool assigns none.");
        return 0;
    }

    private static string Describe(RowWrite write) => write == RowWrite.Written ? "written" : "already present, left as it was";

    private static string Explain(RequestFailedException ex, BootstrapCoordinatorArguments arguments, StorageAccount account) => (ex.Status, ex.ErrorCode) switch
    {
        (403, _) => $"the storage account refused your identity ({ex.ErrorCode}): it needs the Storage Table Data Contributor role on '{arguments.StorageAccountName}' (a new role assignment can take minutes to apply).",
        (404, "TableNotFound") => $"the tables do not exist at {account.Tables.Uri}: deploy infra/main.bicep, which creates them, first (or check --table-prefix).",
        _ => $"storage answered {ex.Status} {ex.ErrorCode}: {FirstLine(ex.Message)}",
    };

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
