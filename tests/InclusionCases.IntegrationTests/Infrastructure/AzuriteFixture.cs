using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace InclusionCases.IntegrationTests.Infrastructure;

/// <summary>
/// One Azurite for the whole test run, started from the repository's node_modules (npm ci) on free
/// loopback ports with in-memory persistence, and killed when the run ends. Test classes keep
/// apart by using their own table prefix and queue names.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    // Azurite's well-known development account (public, documented by Microsoft).
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, int> _ports = [];
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find();
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}: run 'npm ci' (./dev test does).");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            script, "--inMemoryPersistence", "--skipApiVersionCheck", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0",
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        RecordPid(_process.Id);
        _process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        _process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_listening.Task, exited, Task.Delay(StartupDeadline));
        if (first != _listening.Task)
        {
            throw new InvalidOperationException(first == exited ? "Azurite exited while starting." : "Azurite did not report its ports in time.");
        }

        string Endpoint(string service) => $"http://127.0.0.1:{_ports[service].ToString(CultureInfo.InvariantCulture)}/{AccountName}";
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint={Endpoint("Blob")};QueueEndpoint={Endpoint("Queue")};TableEndpoint={Endpoint("Table")};";
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null || ListeningLine().Match(line) is not { Success: true } match)
        {
            return;
        }

        lock (_ports)
        {
            _ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
            if (_ports.Count == 3)
            {
                _listening.TrySetResult();
            }
        }
    }

    // ./dev test gives a folder to note child processes in, so it can stop them even if the test host dies.
    private static void RecordPid(int pid)
    {
        if (Environment.GetEnvironmentVariable("INCLUSIONCASES_PID_DIR") is { Length: > 0 } dir && Directory.Exists(dir))
        {
            File.WriteAllText(Path.Combine(dir, $"azurite-{pid.ToString(CultureInfo.InvariantCulture)}.pid"), pid.ToString(CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
