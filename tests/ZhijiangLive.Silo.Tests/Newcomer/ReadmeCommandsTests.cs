using System.Diagnostics;
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
        await ChildProcess.ReadyAsync(new Uri($"http://127.0.0.1:{http}/readyz"), silo, TimeSpan.FromMinutes(2));
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

    private Process StartSilo(int http, int grpc) => ChildProcess.Start("dotnet",
        ["exec", Path.Combine(AppContext.BaseDirectory, "ZhijiangLive.Silo.dll"),
         "--urls", $"http://127.0.0.1:{http}", $"--Zhijiang:Grpc:Url=http://127.0.0.1:{grpc}",
         $"--Zhijiang:DataDirectory={_data.FullName}", "--Logging:LogLevel:Default=Warning"],
        _data.FullName);

    public void Dispose() => _data.Delete(recursive: true);
}
