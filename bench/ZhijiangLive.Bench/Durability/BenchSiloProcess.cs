using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ZhijiangLive.Client;
using Grpc.Health.V1;

namespace ZhijiangLive.Bench.Durability;

/// <summary>
/// A silo process started from the silo's own build beside the benchmark (<c>dotnet exec ZhijiangLive.Silo.dll</c>),
/// on free loopback ports, with the benchmark's credentials: what a cluster's silos are, and what SIGKILL kills.
/// </summary>
internal sealed class BenchSiloProcess : IDisposable
{
    private readonly Process _process;

    private BenchSiloProcess(Process process, Uri grpc)
    {
        _process = process;
        GrpcAddress = grpc;
    }

    public Uri GrpcAddress { get; }

    public static async Task<BenchSiloProcess> StartAsync(params string[] settings)
    {
        var grpc = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DOTNET_gcServer"] = "1";
        foreach (var argument in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "ZhijiangLive.Silo.dll"),
            "--urls", $"http://127.0.0.1:{FreePort()}", $"--Zhijiang:Grpc:Url={grpc}", "--Logging:LogLevel:Default=Warning",
            .. BenchCredentials.SiloSettings, .. settings])
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new BenchSiloProcess(process, grpc);
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
        throw new InvalidOperationException("a silo process did not become ready within 120 s");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
