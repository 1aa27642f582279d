using ZhijiangLive.Grains.Hosting;
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
        using var silo = ChildProcess.Start("dotnet", ["run", "--project", "silo/ZhijiangLive.Silo", "--",
            "--urls", $"http://127.0.0.1:{http}", $"--Zhijiang:Grpc:Url=http://127.0.0.1:{grpc}"], clone);
        try
        {
            await ChildProcess.ReadyAsync(new Uri($"http://127.0.0.1:{http}/readyz"), silo, Patience);
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

    /// <summary>Runs a command to its end and returns what it printed; a non-zero exit fails the test with its output.</summary>
    private static async Task<string> RunToEndAsync(string program, string[] arguments, string folder)
    {
        var (exitCode, output, errors) = await ChildProcess.RunAsync(ChildProcess.StartInfo(program, arguments, folder), Patience);
        Assert.True(exitCode == 0, $"{program} {string.Join(' ', arguments)} exited with {exitCode}:\n{output}\n{errors}");
        return output;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
