using System.Diagnostics;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using Grpc.Health.V1;
using ZhijiangLive.Storage.Tests.Postgres;

namespace ZhijiangLive.Silo.Tests.Durability;

/// <summary>
/// The silo as a child process of its own, so that a test can kill it without warning (SIGKILL) and start
/// it again on the same ports and store. It runs the silo assembly this test project was built with.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly string[] _settings;
    private readonly List<string> _output = [];
    private Process? _process;

    public SiloProcess(params string[] settings)
    {
        _settings = settings;
        GrpcAddress = new Uri($"http://127.0.0.1:{RestartablePort.Reserve()}");
        HttpPort = RestartablePort.Reserve();
    }

    public Uri GrpcAddress { get; }
    public int HttpPort { get; }
    public int Starts { get; private set; }

    /// <summary>A gRPC client with the platform key: Ingest, Roster, Health.</summary>
    public ZhijiangClient PlatformClient() => TestClients.Platform(GrpcAddress);

    /// <summary>A gRPC client with the province's token: Query, Health.</summary>
    public ZhijiangClient QueryClient() => TestClients.Bureau(GrpcAddress);

    /// <summary>Starts the silo and returns once its gRPC health check answers SERVING (replay done).</summary>
    public async Task StartAsync(ZhijiangClient client, TimeSpan? within = null)
    {
        var silo = Path.Combine(AppContext.BaseDirectory, "ZhijiangLive.Silo.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["exec", silo, "--urls", $"http://127.0.0.1:{HttpPort}",
            $"--Zhijiang:Grpc:Url={GrpcAddress}", "--Logging:LogLevel:Default=Warning", .. TestCredentials.SiloSettings, .. _settings])
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Remember(line.Data);
        _process.ErrorDataReceived += (_, line) => Remember(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the silo exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                var health = await client.CheckHealthAsync(options: new ZhijiangCallOptions { Timeout = TimeSpan.FromSeconds(1) });
                if (health.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (Exception)
            {
                // Not listening yet: replay runs before the ports open.
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"the silo was not ready within {within ?? TimeSpan.FromSeconds(60)}:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown, no flush, whatever was in flight is cut off.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>
    /// SIGTERM, as an orchestrator stops a container: the silo's graceful stop. Returns its exit code and
    /// how long it took to exit; throws if it has not exited within <paramref name="within"/> (then it is killed).
    /// </summary>
    public async Task<(int ExitCode, TimeSpan Took)> TerminateAsync(TimeSpan within)
    {
        var process = _process ?? throw new InvalidOperationException("the silo was not started");
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"the silo did not exit within {within} of SIGTERM:\n{Output}");
        }
        return (process.ExitCode, clock.Elapsed);
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(40));
            }
        }
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
        }
    }
}
