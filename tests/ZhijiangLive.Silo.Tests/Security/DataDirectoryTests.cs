using System.Diagnostics;
using ZhijiangLive.Silo.Hosting;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Tests.Security;

/// <summary>Where the silo's files land, and that its secrets never sit unignored in a git work tree.</summary>
public sealed class DataDirectoryTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("zhijiang-data-");

    [Fact]
    public void Inside_a_checkout_the_files_go_to_its_data_folder_whatever_the_working_folder()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "ZhijiangLive.sln"), "");
        var project = Directory.CreateDirectory(Path.Combine(_root.FullName, "silo", "ZhijiangLive.Silo")).FullName;

        Assert.Equal(Path.Combine(_root.FullName, "data"), DataDirectory.Resolve(null, project));
        Assert.Equal(Path.Combine(_root.FullName, "data"), DataDirectory.Resolve(null, _root.FullName));
    }

    [Fact]
    public void Outside_a_checkout_they_go_under_the_working_folder_and_a_setting_wins_everywhere()
    {
        Assert.Equal(Path.Combine(_root.FullName, "data"), DataDirectory.Resolve("", _root.FullName));
        Assert.Equal(Path.Combine(_root.FullName, "elsewhere"), DataDirectory.Resolve("elsewhere", _root.FullName));
        Assert.Equal("/srv/zhijiang", DataDirectory.Resolve("/srv/zhijiang", _root.FullName));
    }

    [Fact]
    public void A_secret_in_a_work_tree_that_does_not_ignore_it_is_refused_and_one_it_ignores_is_not()
    {
        Git("init", "-q");
        var secret = Path.Combine(_root.FullName, "data", FirstRunCredentials.AuthFileName);

        var refused = Assert.Throws<InvalidOperationException>(() => GitIgnoreGuard.EnsureIgnored(secret));
        File.WriteAllText(Path.Combine(_root.FullName, ".gitignore"), "**/data/auth.json\n");
        GitIgnoreGuard.EnsureIgnored(secret);

        Assert.Contains($"refusing to write {secret}: it is inside the git work tree {_root.FullName}, which does not ignore it", refused.Message);
    }

    [Fact]
    public void A_first_run_in_such_a_folder_writes_nothing()
    {
        Git("init", "-q");
        var folder = Path.Combine(_root.FullName, "data");

        var refused = Assert.Throws<InvalidOperationException>(() => SiloApplication.Build(["--Zhijiang:Store:Provider=memory",
            $"--Zhijiang:Auth:FirstRunDirectory={folder}", "--urls", "http://127.0.0.1:0", "--Zhijiang:Grpc:Url=http://127.0.0.1:0"]));

        Assert.StartsWith("refusing to write", refused.Message);
        Assert.False(Directory.Exists(folder));
    }

    [Theory]
    [InlineData("data/auth.json")]
    [InlineData("data/first-run-credentials.txt")]
    [InlineData("data/zhijiang-live.db-wal")]
    [InlineData("silo/ZhijiangLive.Silo/data/auth.json")]
    [InlineData("silo/ZhijiangLive.Silo/data/zhijiang-live.db")]
    public void This_repository_ignores_the_silos_files_wherever_they_land(string path)
    {
        var checkout = DataDirectory.Resolve(null, AppContext.BaseDirectory);
        var root = Path.GetDirectoryName(checkout)!;

        Assert.Equal(0, Run(root, "check-ignore", "-q", "--no-index", path));
    }

    private void Git(params string[] arguments) => Assert.Equal(0, Run(_root.FullName, arguments));

    private static int Run(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(folder);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var git = Process.Start(start)!;
        git.WaitForExit();
        return git.ExitCode;
    }

    public void Dispose() => _root.Delete(recursive: true);
}
