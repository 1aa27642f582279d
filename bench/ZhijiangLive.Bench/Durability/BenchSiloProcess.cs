using System.Collections.Concurrent;
using System.Diagnostics;
using ZhijiangLive.Client;
using Grpc.Health.V1;
using ZhijiangLive.Grains.Hosting;

namespace ZhijiangLive.Bench.Durability;

/// <summary>
/// A silo process started from the silo's own build beside the benchmark (<c>dotnet exec ZhijiangLive.Silo.dll</c>),
/// on free loopback ports, with the benchmark's credentials: what a cluster's silos are, and what SIGKILL kills.
/// </summary>
internal sealed class BenchSiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<(long At, string Line)> _failoverLines = new();

    // What it printed last, for the reason when it does not become ready.
    private const int LastLinesKept = 40;
    private readonly ConcurrentQueue<string> _lastLines = new();

    private BenchSiloProcess(Process process, Uri grpc)
    {
        _process = process;
        GrpcAddress = grpc;
    }

    public Uri GrpcAddress { get; }

    /// <summary>When this silo logged that it takes the journal over and that it recovered, as stopwatch timestamps.</summary>
    public IEnumerable<(long At, string Line)> FailoverLines => _failoverLines;

    public static async Task<BenchSiloProcess> StartAsync(params string[] settings)
    {
        var grpc = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DOTNET_gcServer"] = "1";
        foreach (var argument in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "ZhijiangLive.Silo.dll"),
            "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}", $"--Zhijiang:Grpc:Url={grpc}", "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:ZhijiangLive.Silo.Durability.JournalRecovery=Information",
            .. BenchCredentials.SiloSettings, .. settings])
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        var silo = new BenchSiloProcess(process, grpc);
        process.OutputDataReceived += (_, line) => silo.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => silo.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = BenchCredentials.Client(grpc);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await client.CheckHealthAsync(options: new ZhijiangCallOptions { Timeout = TimeSpan.FromSeconds(1) })).Status ==
                    HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return silo;
                }
            }
            catch (Exception)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        silo.Dispose();
        throw new InvalidOperationException((process.HasExited ? "a silo process exited before it was ready" : "a silo process did not become ready within 120 s") +
            "; its last lines:" + Environment.NewLine + string.Join(Environment.NewLine, silo._lastLines));
    }

    // The console logger writes a line of category, then one of message: the message is what names the step.
    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _lastLines.Enqueue(line);
        while (_lastLines.Count > LastLinesKept && _lastLines.TryDequeue(out _))
        {
        }
        if (line.Contains("taking the journal over") || line.Contains("Recovered ("))
        {
            _failoverLines.Enqueue((Stopwatch.GetTimestamp(), line.Trim()));
        }
    }

    /// <summary>SIGKILL: the silo has no chance to leave the cluster or to flush anything.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
