using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Xunit.Abstractions;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Silo.Tests.Interop;
using ZhijiangLive.Silo.Security;
using ZhijiangLive.Silo.Tests.Security;
using RegionLevel = ZhijiangLive.Grains.Roster.RegionLevel;
using RosterBatch = ZhijiangLive.Grains.Cluster.RosterBatch;

namespace ZhijiangLive.Silo.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser: tests/dashboard/dashboard.test.js drives Debian's chromium
/// (playwright-core) against a silo seeded here and publishes events over gRPC (@grpc/grpc-js), with the
/// province's token, then a county's, a wrong and an expired one.
/// Its screenshots land in TestResults/ under this test's bin directory.
/// February has a closed month behind it: 陈静 (DS2) taught twice on the 28th, so the page finds a
/// February ranking, provisional on 2 March (the 28th is still inside the grace window), and year scores
/// that do not start at zero.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    internal const string Chromium = "/usr/bin/chromium";
    private const string ProvinceId = "330000";
    private const string CityId = "330100";
    private const string CountyId = "330108";

    private static readonly TeacherEntry[] Teachers =
    [
        new("DT1", "王丽华", "DS1", "数学", false),
        new("DT2", "李建国", "DS1", "语文", false),
        new("DT3", "陈静", "DS2", "英语", false),
        new("DT4", "张伟", "DS2", "物理", false),
    ];

    [Fact]
    public async Task Dashboard_ShowsPublishedEventsWithinThreeSeconds_InChromium()
    {
        var scripts = Path.Combine(ClientScript.RepositoryRoot(), "tests", "dashboard");
        await AssertBrowserInstalledAsync(scripts);
        var clock = new RunningSilo.StoppedClock(RunningSilo.Now - TimeSpan.FromDays(2));
        await using var silo = await RunningSilo.StartAsync(clock);
        await SeedRosterAsync(silo.Cluster);
        await TeachInFebruaryAsync(silo, clock);
        var results = Path.Combine(AppContext.BaseDirectory, "TestResults");
        using var advance = AdvanceWhenAsked(results, clock);

        var run = await ClientScript.RunAsync("node",
        [
            "dashboard.test.js",
            "--url", silo.Http.BaseAddress!.ToString(),
            "--target", $"{silo.GrpcAddress.Host}:{silo.GrpcAddress.Port}",
            "--now", RunningSilo.Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            "--out", results,
            "--province", ProvinceId,
            "--city", CityId,
            "--city-counties", JsonSerializer.Serialize(new[] { "330106", CountyId }),
            "--teachers", JsonSerializer.Serialize(Teachers.Select(t => new { id = t.Id, name = t.Name, year = t.Id == "DT3" ? 10 : 0 })),
            "--published", JsonSerializer.Serialize(new { month = "2026-02", leader = "杭州市滨江区实验小学", score = "5", status = "暂定" }),
            "--token", TestCredentials.ProvinceToken,
            "--county", CountyId,
            "--county-token", TestCredentials.TokenFor(CountyId),
            "--county-teachers", JsonSerializer.Serialize(Teachers.Where(t => t.SchoolId == "DS2").Select(t => t.Name)),
            "--wrong-token", HttpScopeRoster.ForeignToken(ProvinceId),
            "--expired-token", HttpScopeRoster.ExpiredToken(ProvinceId),
            "--expiring-token", new BureauTokens([TestCredentials.SigningKey]).Create(CountyId, RunningSilo.Now + TimeSpan.FromHours(1)),
            "--chromium", Chromium,
        ], scripts);

        Assert.True(run is not null, "'node' is not on the PATH: apt-get install nodejs npm, as tools/setup does");
        output.WriteLine(run.Output);
        Assert.True(run.Passed, run.ToString());
    }

    /// <summary>
    /// Moves the silo's clock two hours on when the script writes <c>advance-clock</c> into its output folder:
    /// its expiring token (an hour left) then expires while its page is open.
    /// </summary>
    private static FileSystemWatcher AdvanceWhenAsked(string results, RunningSilo.StoppedClock clock)
    {
        Directory.CreateDirectory(results);
        File.Delete(Path.Combine(results, "advance-clock"));
        var watcher = new FileSystemWatcher(results, "advance-clock");
        watcher.Created += (_, _) => clock.Advance(TimeSpan.FromHours(2));
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>Fails, never skips, saying what to install when the browser, its fonts or the packages are missing.</summary>
    internal static async Task AssertBrowserInstalledAsync(string scripts)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium fonts-noto-cjk, as tools/setup does");
        var fonts = await ClientScript.RunAsync("fc-list", [":lang=zh", "family"], scripts);
        Assert.True(fonts is { ExitCode: 0 } && fonts.Output.Trim().Length > 0,
            "no Chinese font is installed (Chinese would render as empty boxes): apt-get install fonts-noto-cjk, as tools/setup does");
        foreach (var package in new[] { "playwright-core", "@grpc/grpc-js", "@grpc/proto-loader" })
        {
            Assert.True(Directory.Exists(Path.Combine(scripts, "node_modules", package)),
                $"tests/dashboard has no node_modules/{package}: run 'npm ci --prefix tests/dashboard' (Node.js and npm: " +
                "apt-get install nodejs npm), as tools/setup does");
        }
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "index.html")),
            "the dashboard is not in this test's wwwroot: the silo's build (BuildDashboard in ZhijiangLive.Silo.csproj) should have put it there");
    }

    /// <summary>Two sessions (10 points) for DT3 on 28 February, then the clock on to RunningSilo.Now: February closes.</summary>
    private static async Task TeachInFebruaryAsync(RunningSilo silo, RunningSilo.StoppedClock clock)
    {
        using var client = silo.PlatformClient();
        var reply = await client.PublishAsync(new PublishRequest { Events = { Teaching("feb-1", clock), Teaching("feb-2", clock) } });
        Assert.Equal(2, reply.Accepted);
        await silo.Cluster.FlushAsync();
        clock.Advance(TimeSpan.FromDays(2));
    }

    private static ActivityEvent Teaching(string id, TimeProvider clock) => new()
    {
        EventId = id,
        TeacherId = "DT3",
        OccurredAt = Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
        Client = ZhijiangLive.Contracts.V1.Client.Pc,
        TeachingSession = new TeachingSession { SessionId = id, DurationSeconds = 2400 },
    };

    private static Task SeedRosterAsync(ZhijiangCluster cluster) => cluster.UpsertRosterAsync(new RosterBatch(
        [
            new RegionEntry(ProvinceId, "浙江省", RegionLevel.Province, null),
            new RegionEntry(CityId, "杭州市", RegionLevel.City, ProvinceId),
            new RegionEntry("330106", "西湖区", RegionLevel.County, CityId),
            new RegionEntry(CountyId, "滨江区", RegionLevel.County, CityId),
        ],
        [new SchoolEntry("DS1", "杭州市学军中学", "330106"), new SchoolEntry("DS2", "杭州市滨江区实验小学", "330108")],
        Teachers));
}
