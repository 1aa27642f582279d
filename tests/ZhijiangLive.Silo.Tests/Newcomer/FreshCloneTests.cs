using ZhijiangLive.Grains.Hosting;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Tests.Interop;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Newcomer;

/// <summary>
/// A newcomer's path, literally: clone, the set-up command, the run command; then the first run's key publishes
/// and its token reads, and the clone has nothing for git to add.
/// </summary>
public sealed class FreshCloneTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(8);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("zhijiang-clone-");

    [Fact]
    public async Task A_fresh_clone_sets_up_runs_takes_the_printed_key_and_token_and_stays_clean()
    {
        var clone = Path.Combine(_folder.FullName, "repo");
        await RunToEndAsync("git", ["clone", "-q", ClientScript.RepositoryRoot(), clone], _folder.FullName);
        await RunToEndAsync("bash", ["tools/setup"], clone);
        var (http, grpc) = (LoopbackPort.Free(), LoopbackPort.Free());

        // README's run command; the ports are free ones, so that the test meets no other silo.
        using var silo = Start("dotnet", ["run", "--project", "silo/ZhijiangLive.Silo", "--",
            "--urls", $"http://127.0.0.1:{http}", $"--Zhijiang:Grpc:Url=http://127.0.0.1:{grpc}"], clone);
        try
        {
            await ReadyAsync(new Uri($"http://127.0.0.1:{http}/readyz"), silo);
            var credentials = await File.ReadAllLinesAsync(Path.Combine(clone, "data", "first-run-credentials.txt"));
            var key = credentials.Single(l => l.StartsWith("zlk_", StringComparison.Ordinal));
            var token = credentials.Single(l => l.StartsWith("zlt1", StringComparison.Ordinal));
            var address = new Uri($"http://127.0.0.1:{grpc}");
            using var platform = TestClients.Platform(address, key);
            using var bureau = TestClients.Bureau(address, token);

            await platform.UpsertRosterAsync(OneTeacher());
            var reply = await platform.PublishAsync(Batch(Login("fresh-1", offset: DateTimeOffset.UtcNow - RunningSilo.Now)));
            var teacher = await bureau.GetTeacherAsync(new GetRequest { Id = "T1" });

            Assert.Equal(1, reply.Accepted);
            Assert.Equal(1, teacher.Day);
        }
        finally
        {
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();
        }
        var status = await RunToEndAsync("git", ["status", "--porcelain"], clone);
        Assert.True(status.Length == 0, $"git status in the clone after the run:\n{status}");
    }

    private static RosterBatch OneTeacher()
    {
        var batch = new RosterBatch();
        batch.Regions.Add(new Region { Id = "330000", Name = "浙江省", Level = RegionLevel.Province });
        batch.Regions.Add(new Region { Id = "330100", Name = "杭州市", Level = RegionLevel.City, ParentId = "330000" });
        batch.Regions.Add(new Region { Id = "330106", Name = "西湖区", Level = RegionLevel.County, ParentId = "330100" });
        batch.Schools.Add(new School { Id = "S1", Name = "学军中学", CountyId = "330106" });
        batch.Teachers.Add(new Teacher { Id = "T1", Name = "王老师", SchoolId = "S1", Subject = "数学" });
        return batch;
    }

    private static async Task ReadyAsync(Uri readyz, Process silo)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var giveUp = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < giveUp)
        {
            Assert.False(silo.HasExited, $"the silo ended with {(silo.HasExited ? silo.ExitCode : 0)} before it was ready");
            try
            {
                if ((await http.GetAsync(readyz)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(500);
        }
        Assert.Fail($"{readyz} did not answer 200 within {Patience.TotalMinutes} minutes");
    }

    private static ProcessStartInfo StartInfo(string program, string[] arguments, string folder)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    private static Process Start(string program, string[] arguments, string folder)
    {
        var process = Process.Start(StartInfo(program, arguments, folder))!;
        // Drained, so that a full pipe never stalls the child.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs a command to its end and returns what it printed; a non-zero exit fails the test with its output.</summary>
    private static async Task<string> RunToEndAsync(string program, string[] arguments, string folder)
    {
        using var process = Process.Start(StartInfo(program, arguments, folder))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        var (output, errors) = (await stdout, await stderr);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}\n{errors}");
        return output;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
