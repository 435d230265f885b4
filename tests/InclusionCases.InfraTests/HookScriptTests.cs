using System.Diagnostics;

namespace InclusionCases.InfraTests;

/// <summary>
/// The azd hooks (infra/hooks) and infra/entra-app.sh: POSIX sh, executable, and their control flow run
/// against stand-ins for az, azd and ./dev that record their arguments and answer from environment
/// variables. The stand-ins show what the scripts ask for, not what Azure answers: the real CLIs are not
/// run here (no subscription, no network). Linux only, like the bicep binary of this project.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HookScriptTests : IDisposable
{
    private const string ExistingApp = "22222222-0000-4000-8000-000000000002";
    private const string CreatedApp = "11111111-0000-4000-8000-000000000001";

    // az: answers the calls the scripts make; anything else fails loudly.
    private const string AzStub = """
        #!/bin/sh
        echo "az $*" >> "$STUB_LOG"
        case "$*" in
          "account show --subscription"*) echo "${STUB_SUBSCRIPTION_TENANT:-tenant-a}" ;;
          "account show --query tenantId -o tsv") echo "${STUB_CLI_TENANT:-tenant-a}" ;;
          "account show --query user.type -o tsv") echo "${STUB_USER_TYPE:-user}" ;;
          "account show") echo '{}' ;;
          "group exists"*) echo "${STUB_GROUP_EXISTS:-false}" ;;
          "ad app show"*) if [ -n "${STUB_EXISTING_APPS:-}" ]; then echo "$STUB_EXISTING_APPS"; else exit 3; fi ;;
          "ad app list"*) if [ -n "${STUB_EXISTING_APPS:-}" ]; then echo "$STUB_EXISTING_APPS"; fi ;;
          "ad app create"*) echo "11111111-0000-4000-8000-000000000001" ;;
          "ad app update"*) ;;
          "ad sp show"*) exit 3 ;;
          "ad sp create"*) echo '{}' ;;
          *) echo "unexpected: az $*" >&2; exit 99 ;;
        esac
        """;

    private const string AzdStub = """
        #!/bin/sh
        echo "azd $*" >> "$STUB_LOG"
        """;

    // ./dev: fails until its STUB_DEV_SUCCEEDS_AT-th call.
    private const string DevStub = """
        #!/bin/sh
        for a in "$@"; do printf '[%s]' "$a" >> "$STUB_LOG"; done; echo >> "$STUB_LOG"
        n=$(cat "$STUB_LOG.calls" 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" > "$STUB_LOG.calls"
        [ "$n" -ge "${STUB_DEV_SUCCEEDS_AT:-1}" ]
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("inclusioncases-hooks-").FullName;

    public HookScriptTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "bin"));
        Directory.CreateDirectory(Path.Combine(_dir, "repo", "infra", "hooks"));
        foreach (var script in ScriptPaths)
        {
            File.Copy(Path.Combine(BicepCli.RepositoryRoot, script), Path.Combine(_dir, "repo", script));
        }

        WriteExecutable(Path.Combine(_dir, "bin", "az"), AzStub);
        WriteExecutable(Path.Combine(_dir, "bin", "azd"), AzdStub);
        WriteExecutable(Path.Combine(_dir, "repo", "dev"), DevStub);
    }

    private static readonly string[] ScriptPaths = ["infra/hooks/preprovision.sh", "infra/hooks/postprovision.sh", "infra/entra-app.sh"];

    public static TheoryData<string> Scripts => new(ScriptPaths);

    private string Log => File.Exists(Path.Combine(_dir, "log")) ? File.ReadAllText(Path.Combine(_dir, "log")) : string.Empty;

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_IsAnExecutablePosixShellScript(string script)
    {
        var path = Path.Combine(BicepCli.RepositoryRoot, script);

        Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable (git update-index --chmod=+x)");
        Assert.StartsWith("#!/bin/sh\n", File.ReadAllText(path), StringComparison.Ordinal);
        foreach (var shell in new[] { "/bin/sh", "/bin/bash" })
        {
            var (exitCode, output) = Run(shell, ["-n", path], []);
            Assert.True(exitCode == 0, $"{shell} -n {script}: {output}");
        }
    }

    [Fact]
    public void Preprovision_NewEnvironment_CreatesTheRegistrationAndStoresItsIds()
    {
        var (exitCode, output) = Hook("preprovision", new() { ["AZURE_SUBSCRIPTION_ID"] = "sub-1" });

        Assert.True(exitCode == 0, output);
        Assert.Contains("az ad app list --display-name InclusionCases API (test) ", Log, StringComparison.Ordinal);
        Assert.Contains("az ad app create --display-name InclusionCases API (test) --sign-in-audience AzureADMyOrg --app-roles [", Log, StringComparison.Ordinal);
        Assert.Contains($"az ad app update --id {CreatedApp} --identifier-uris api://{CreatedApp} --set api.requestedAccessTokenVersion=2", Log, StringComparison.Ordinal);
        Assert.Contains($"az ad sp create --id {CreatedApp}", Log, StringComparison.Ordinal);
        Assert.Contains($"azd env set API_CLIENT_ID {CreatedApp}\n", Log, StringComparison.Ordinal);
        Assert.Contains($"azd env set API_APP_ID_URI api://{CreatedApp}\n", Log, StringComparison.Ordinal);
        Assert.Contains("azd env set AZURE_PRINCIPAL_TYPE User\n", Log, StringComparison.Ordinal);
        Assert.Matches(@"azd env set WEBHOOK_SECRET_KEY [A-Za-z0-9+/]{43}=\n", Log);
        Assert.Matches(@"azd env set IDENTIFIER_HASH_KEY [A-Za-z0-9+/]{43}=\n", Log);
    }

    [Fact]
    public void Preprovision_WebhookKey_IsKeptWhenSet_AndNeverMadeAnewForADeployedEnvironment()
    {
        var (kept, keptOutput) = Hook("preprovision", new() { ["WEBHOOK_SECRET_KEY"] = "already-set", ["IDENTIFIER_HASH_KEY"] = "already-set", ["STUB_GROUP_EXISTS"] = "true" });
        Assert.True(kept == 0, keptOutput);
        Assert.DoesNotContain("WEBHOOK_SECRET_KEY", Log, StringComparison.Ordinal);
        Assert.DoesNotContain("IDENTIFIER_HASH_KEY", Log, StringComparison.Ordinal);

        var (refused, output) = Hook("preprovision", new() { ["IDENTIFIER_HASH_KEY"] = "already-set", ["STUB_GROUP_EXISTS"] = "true" });
        Assert.Equal(1, refused);
        Assert.Contains("copy it from its key vault", output, StringComparison.Ordinal);
        Assert.DoesNotContain("azd env set WEBHOOK_SECRET_KEY", Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Preprovision_IdentifierKey_IsNeverMadeAnewForADeployedEnvironment()
    {
        var (refused, output) = Hook("preprovision", new() { ["WEBHOOK_SECRET_KEY"] = "already-set", ["STUB_GROUP_EXISTS"] = "true" });

        Assert.Equal(1, refused);
        Assert.Contains("IDENTIFIER_HASH_KEY is not set here", output, StringComparison.Ordinal);
        Assert.DoesNotContain("azd env set IDENTIFIER_HASH_KEY", Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Preprovision_KnownClientId_UpdatesThatRegistrationAndCreatesNone()
    {
        var (exitCode, output) = Hook("preprovision", new() { ["API_CLIENT_ID"] = ExistingApp, ["STUB_EXISTING_APPS"] = ExistingApp, ["STUB_USER_TYPE"] = "servicePrincipal" });

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("az ad app create", Log, StringComparison.Ordinal);
        Assert.DoesNotContain("az ad app list", Log, StringComparison.Ordinal);
        Assert.Contains($"az ad app update --id {ExistingApp} --app-roles [", Log, StringComparison.Ordinal);
        Assert.Contains($"azd env set API_CLIENT_ID {ExistingApp}\n", Log, StringComparison.Ordinal);
        Assert.Contains("azd env set AZURE_PRINCIPAL_TYPE ServicePrincipal\n", Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Preprovision_AzSignedInToAnotherTenantThanTheSubscription_StopsBeforeRegistering()
    {
        var (exitCode, output) = Hook("preprovision", new() { ["AZURE_SUBSCRIPTION_ID"] = "sub-1", ["STUB_CLI_TENANT"] = "tenant-b" });

        Assert.Equal(1, exitCode);
        Assert.Contains("az login --tenant tenant-a", output, StringComparison.Ordinal);
        Assert.DoesNotContain("az ad ", Log, StringComparison.Ordinal);
        Assert.DoesNotContain("azd env set", Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Preprovision_TwoRegistrationsWithTheName_AsksWhichOne()
    {
        var (exitCode, output) = Hook("preprovision", new() { ["STUB_EXISTING_APPS"] = ExistingApp + "\n" + CreatedApp });

        Assert.Equal(1, exitCode);
        Assert.Contains("set API_CLIENT_ID", output, StringComparison.Ordinal);
        Assert.DoesNotContain("az ad app create", Log, StringComparison.Ordinal);
        Assert.DoesNotContain("azd env set", Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Postprovision_WithoutOrganisation_PrintsTheBootstrapCommandOnly()
    {
        var (exitCode, output) = Hook("postprovision", Outputs());

        Assert.True(exitCode == 0, output);
        Assert.Contains("./dev bootstrap-coordinator --storage-account stinclusiontest --tenant-id tenant-a", output, StringComparison.Ordinal);
        Assert.Contains("--object-id 8d1f6a52-0001-4c3e-9a6e-5f1b2c3d4e01 --organisation-id <id>", output, StringComparison.Ordinal);
        Assert.Contains("azd env set GRANT_DEPLOYER_TABLE_ACCESS true", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, Log);
    }

    [Fact]
    public void Postprovision_OrganisationWithoutTheTableRole_Fails()
    {
        var variables = Outputs();
        variables["BOOTSTRAP_COORDINATOR_ORGANISATION"] = "ixelles-cpas";

        var (exitCode, output) = Hook("postprovision", variables);

        Assert.Equal(1, exitCode);
        Assert.Contains("GRANT_DEPLOYER_TABLE_ACCESS", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, Log);
    }

    [Fact]
    public void Postprovision_OrganisationWithPrivateNetworking_LeavesTheBootstrapToAMachineInTheVnet()
    {
        var variables = Outputs();
        variables["BOOTSTRAP_COORDINATOR_ORGANISATION"] = "ixelles-cpas";
        variables["GRANT_DEPLOYER_TABLE_ACCESS"] = "true";
        variables["PRIVATE_NETWORKING"] = "true";

        var (exitCode, output) = Hook("postprovision", variables);

        Assert.True(exitCode == 0, output);
        Assert.Contains("inside the VNet", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, Log);
    }

    [Fact]
    public void Postprovision_Organisation_RunsTheBootstrapUntilTheRoleHasPropagated()
    {
        var variables = Outputs();
        variables["BOOTSTRAP_COORDINATOR_ORGANISATION"] = "ixelles-cpas";
        variables["BOOTSTRAP_COORDINATOR_ORGANISATION_NAME"] = "CPAS d'Ixelles";
        variables["GRANT_DEPLOYER_TABLE_ACCESS"] = "true";
        variables["STUB_DEV_SUCCEEDS_AT"] = "2";
        variables["BOOTSTRAP_RETRY_SECONDS"] = "0";

        var (exitCode, output) = Hook("postprovision", variables);

        Assert.True(exitCode == 0, output);
        const string call = "[bootstrap-coordinator][--storage-account][stinclusiontest][--tenant-id][tenant-a][--object-id][8d1f6a52-0001-4c3e-9a6e-5f1b2c3d4e01]"
            + "[--organisation-id][ixelles-cpas][--organisation-name][CPAS d'Ixelles][--organisation-kind][cpas]\n";
        Assert.Equal(call + call, Log);
        Assert.Contains("attempt 1", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Dictionary<string, string> Outputs() => new()
    {
        ["AZURE_STORAGE_ACCOUNT_NAME"] = "stinclusiontest",
        ["AZURE_TENANT_ID"] = "tenant-a",
        ["AZURE_PRINCIPAL_ID"] = "8d1f6a52-0001-4c3e-9a6e-5f1b2c3d4e01",
    };

    private static void WriteExecutable(string path, string content)
    {
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    // Runs a copied hook from the copied repository root, as azd does, with only the given variables.
    private (int ExitCode, string Output) Hook(string hook, Dictionary<string, string> variables)
    {
        var environment = new Dictionary<string, string>(variables)
        {
            ["PATH"] = $"{Path.Combine(_dir, "bin")}:/usr/bin:/bin",
            ["HOME"] = _dir,
            ["STUB_LOG"] = Path.Combine(_dir, "log"),
            ["AZURE_ENV_NAME"] = "test",
        };
        return Run("/bin/sh", [Path.Combine("infra", "hooks", hook + ".sh")], environment, Path.Combine(_dir, "repo"));
    }

    private static (int ExitCode, string Output) Run(string file, string[] arguments, Dictionary<string, string> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? BicepCli.RepositoryRoot };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment.Count > 0)
        {
            start.Environment.Clear();
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in 30 s.");
        }

        return (process.ExitCode, output.Result + errors.Result);
    }
}
