using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace InclusionCases.TestSupport;

/// <summary>
/// An Azurite process from the repository's node_modules on loopback: in memory on free ports (the
/// shared fixture), or on disk on given ports (fault tests that stop and restart storage).
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    // Azurite's well-known development account (public, documented by Microsoft).
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, int> _ports = [];
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Process _process;

    private AzuriteProcess(Process process) => _process = process;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <param name="location">A folder to persist in; in memory when null.</param>
    /// <param name="ports">Blob, queue and table ports; free ones when null.</param>
    public static async Task<AzuriteProcess> StartAsync(string? location = null, (int Blob, int Queue, int Table)? ports = null)
    {
        var script = Path.Combine(RepositoryRoot.Find(), "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}: run 'npm ci' (./dev test does).");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var (blob, queue, table) = ports ?? (0, 0, 0);
        string[] storage = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        foreach (var arg in new[] { script, "--skipApiVersionCheck", "--silent" }.Concat(storage).Concat(
        [
            "--blobHost", "127.0.0.1", "--blobPort", Text(blob),
            "--queueHost", "127.0.0.1", "--queuePort", Text(queue),
            "--tableHost", "127.0.0.1", "--tablePort", Text(table),
        ]))
        {
            start.ArgumentList.Add(arg);
        }

        var azurite = new AzuriteProcess(Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start."));
        RecordPid(azurite._process.Id);
        azurite._process.OutputDataReceived += (_, e) => azurite.OnOutput(e.Data);
        azurite._process.ErrorDataReceived += (_, e) => azurite.OnOutput(e.Data);
        azurite._process.BeginOutputReadLine();
        azurite._process.BeginErrorReadLine();
        var exited = azurite._process.WaitForExitAsync();
        var first = await Task.WhenAny(azurite._listening.Task, exited, Task.Delay(StartupDeadline));
        if (first != azurite._listening.Task)
        {
            throw new InvalidOperationException(first == exited ? "Azurite exited while starting." : "Azurite did not report its ports in time.");
        }

        string Endpoint(string service) => $"http://127.0.0.1:{Text(azurite._ports[service])}/{AccountName}";
        azurite.ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint={Endpoint("Blob")};QueueEndpoint={Endpoint("Queue")};TableEndpoint={Endpoint("Table")};";
        return azurite;
    }

    /// <summary>Three loopback ports nobody listens on right now.</summary>
    public static (int Blob, int Queue, int Table) FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        listeners.ForEach(l => l.Stop());
        return (ports[0], ports[1], ports[2]);
    }

    /// <summary>
    /// Stops Azurite the way an operator would (SIGTERM), so a disk-backed one saves its data first:
    /// its table store is written to disk periodically, and a killed process loses the latest writes,
    /// which Azure Storage would not.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var signal = Process.Start("kill", ["-TERM", Text(_process.Id)]))
        {
            await signal.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>CPU time the Azurite process has used so far (for the benchmark's account of where time goes).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

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
            File.WriteAllText(Path.Combine(dir, $"azurite-{Text(pid)}.pid"), Text(pid));
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
