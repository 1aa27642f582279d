using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ZhijiangLive.Silo.Tests.Interop;

/// <summary>
/// An interop client (tests/interop/*) run as a child process against a running silo: its exit code and
/// everything it printed, which is what a failing test shows.
/// </summary>
internal sealed record ClientScript(int ExitCode, string Output)
{
    // Small limits, so that the clients go past them with little traffic.
    private const int MaxMessageSize = 65536;
    private const int MaxBatchEvents = 100;

    public static readonly string[] SiloSettings =
        [$"--Zhijiang:Grpc:MaxMessageSize={MaxMessageSize}", $"--Zhijiang:Grpc:MaxBatchEvents={MaxBatchEvents}"];

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public bool Passed => ExitCode == 0 && Output.Contains(" passed, 0 failed", StringComparison.Ordinal);

    /// <summary>
    /// The arguments every client takes: where the silo is, the run's tag, its credentials (a token for the
    /// run's province and one for its county <c>330108</c>, whose ids carry the tag), its clock, its limits.
    /// </summary>
    public static string[] ArgumentsFor(RunningSilo silo)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        return
        [
            "--target", $"{silo.GrpcAddress.Host}:{silo.GrpcAddress.Port}",
            "--tag", tag,
            "--key", TestCredentials.PlatformKey,
            "--token", TestCredentials.TokenFor($"{tag}-{TestCredentials.ProvinceId}"),
            "--county-token", TestCredentials.TokenFor($"{tag}-330108"),
            "--now", RunningSilo.Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            "--max-message-size", $"{MaxMessageSize}",
            "--max-batch-events", $"{MaxBatchEvents}",
        ];
    }

    /// <summary>Runs a program to its end; null when it cannot be started at all.</summary>
    public static async Task<ClientScript?> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        // The dashboard's script publishes its setup events with the platform key it finds here.
        start.Environment["ZHIJIANG_KEY"] = TestCredentials.PlatformKey;

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            return null;
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(GiveUpAfter);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new ClientScript(-1, $"gave up after {GiveUpAfter.TotalSeconds} s\n{await stdout}\n{await stderr}");
        }
        var errors = await stderr;
        return new ClientScript(process.ExitCode, errors.Length == 0 ? await stdout : $"{await stdout}\nstderr:\n{errors}");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ZhijiangLive.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no ZhijiangLive.sln above {AppContext.BaseDirectory}");
    }

    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}
