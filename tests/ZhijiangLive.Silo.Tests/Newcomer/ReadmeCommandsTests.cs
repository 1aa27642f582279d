using System.Diagnostics;
using System.Net;
using ZhijiangLive.Grains.Hosting;
using ZhijiangLive.Silo.Tests.Interop;
using Xunit.Abstractions;

namespace ZhijiangLive.Silo.Tests.Newcomer;

/// <summary>
/// Every command README gives runs, as written, against a silo started the way README starts it (first-run
/// credentials in its data directory): a README command that fails fails this test. Only the silo's ports
/// and data directory are put in place of README's; a command that cannot run against a test silo is
/// excused by <see cref="ReadmeCommands.Excuses"/>, with the reason, and a command neither run nor excused
/// is a failure, so that a new one cannot slip past.
/// </summary>
public sealed class ReadmeCommandsTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("zhijiang-readme-");

    [Fact]
    public async Task Every_command_in_README_runs_against_a_first_run_silo()
    {
        var root = ClientScript.RepositoryRoot();
        var commands = ReadmeCommands.Parse(await File.ReadAllTextAsync(Path.Combine(root, "README.md")));
        var (http, grpc) = (LoopbackPort.Free(), LoopbackPort.Free());
        using var silo = StartSilo(http, grpc);
        try
        {
            await RunEveryCommandAsync(root, commands, http, grpc, silo);
        }
        finally
        {
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();
        }
    }

    private async Task RunEveryCommandAsync(string root, ReadmeCommands commands, int http, int grpc, Process silo)
    {
        await ReadyAsync(http, silo);
        var shell = new ReadmeShell(root, _data.FullName, http, grpc);
        var failures = new List<string>();
        // README sets the credentials' variables and loads a roster once, further down than some commands
        // that need them: those go first, the rest in README's order.
        foreach (var command in commands.Run.OrderBy(c => c.Text.StartsWith("export ", StringComparison.Ordinal) ? 0 : c.Text.Contains(" roster-demo") ? 1 : 2))
        {
            var (exitCode, printed) = await shell.RunAsync(command.Text);
            output.WriteLine($"README line {command.Line} → {exitCode}: {command.Text}");
            if (exitCode != 0)
            {
                failures.Add($"README line {command.Line} exited with {exitCode}: {command.Text}\n{printed}");
            }
        }

        Assert.True(commands.Unknown.Count == 0,
            "README commands neither run nor excused (run them here, or excuse them in ReadmeCommands):\n"
            + string.Join("\n", commands.Unknown.Select(c => $"line {c.Line}: {c.Text}")));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(commands.Run.Count >= 10, $"only {commands.Run.Count} commands found: is README's format still what Parse reads?");
    }

    private Process StartSilo(int http, int grpc)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "ZhijiangLive.Silo.dll"),
            "--urls", $"http://127.0.0.1:{http}", $"--Zhijiang:Grpc:Url=http://127.0.0.1:{grpc}",
            $"--Zhijiang:DataDirectory={_data.FullName}", "--Logging:LogLevel:Default=Warning"])
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task ReadyAsync(int http, Process silo)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var giveUp = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < giveUp)
        {
            Assert.False(silo.HasExited, "the silo ended before it was ready");
            try
            {
                if ((await client.GetAsync($"http://127.0.0.1:{http}/readyz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the silo was not ready within 2 minutes");
    }

    public void Dispose() => _data.Delete(recursive: true);
}
