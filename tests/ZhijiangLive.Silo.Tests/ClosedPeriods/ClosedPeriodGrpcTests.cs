using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Tests.Durability;

namespace ZhijiangLive.Silo.Tests.ClosedPeriods;

/// <summary>
/// SPEC §6, closed periods are exact, through gRPC: late events across several midnights and moves between
/// schools, then every kept day's figures and rankings equal what the teachers' own figures add up to —
/// on a silo whose clock the test moves, and on a silo killed with SIGKILL and started again on SQLite.
/// </summary>
public sealed class ClosedPeriodGrpcTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("zhijiang-closed-").FullName;

    private string[] SqliteSettings => StoreSettings.Sqlite(Path.Combine(_directory, "journal.db"));

    [Fact]
    public async Task LateEventsAndMoves_AcrossMidnights_OnAMovingClock_AddUpForEveryKeptDay()
    {
        var random = new Random(7);
        var clock = new RunningSilo.StoppedClock(new DateTimeOffset(2026, 3, 30, 1, 0, 0, TimeSpan.Zero));
        var roster = new ClosedPeriodRoster();
        await using var silo = await RunningSilo.StartAsync(clock, SqliteSettings);
        using var platform = silo.PlatformClient();
        using var query = silo.QueryClient();
        await platform.UpsertRosterAsync(roster.Tree());

        var days = new SortedSet<DateOnly>();
        for (var round = 0; round < 8; round++)
        {
            var request = new PublishRequest();
            for (var i = 0; i < 40; i++)
            {
                // Up to 60 hours late: inside the 72-hour grace window, so up to three days back.
                var occurred = clock.GetUtcNow() - TimeSpan.FromMinutes(random.Next(60 * 60));
                request.Events.Add(roster.Session(random, occurred));
                days.Add(DayOf(occurred));
            }
            var reply = await platform.PublishAsync(request);
            Assert.Equal((40, 0), (reply.Accepted, reply.Rejections.Count));
            if (round % 2 == 1)
            {
                await platform.UpsertRosterAsync(roster.Move(random));
            }
            clock.Advance(TimeSpan.FromHours(random.Next(6, 20)));
        }
        Assert.True(days.Count >= 4, $"the events fell on {days.Count} days only");

        await ClosedPeriodsAgree.AssertAsync(query, roster, days);
        var lastMarch = await query.GetLeaderboardAsync(new LeaderboardRequest { ScopeId = ClosedPeriodRoster.Province, Kind = "schools", Period = Period.Month, Date = "2026-03-31" });
        Assert.Equal(clock.GetUtcNow() < new DateTimeOffset(2026, 4, 3, 16, 0, 0, TimeSpan.Zero), lastMarch.Provisional);
    }

    [Fact]
    public async Task AfterSigkillAndRestart_OnSqlite_EveryKeptDayStillAddsUp()
    {
        var random = new Random(8);
        var roster = new ClosedPeriodRoster();
        using var silo = new SiloProcess([.. SqliteSettings, "--Zhijiang:Store:SnapshotInterval=00:00:00.200"]);
        using var platform = silo.PlatformClient();
        using var query = silo.QueryClient();
        await silo.StartAsync(platform);
        await platform.UpsertRosterAsync(roster.Tree());

        var days = new SortedSet<DateOnly>();
        for (var round = 0; round < 6; round++)
        {
            var request = new PublishRequest();
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < 40; i++)
            {
                // The real clock: up to 70 hours late spreads the events over four days (closed ones among them).
                var occurred = now - TimeSpan.FromMinutes(random.Next(70 * 60));
                request.Events.Add(roster.Session(random, occurred));
                days.Add(DayOf(occurred));
            }
            Assert.Equal(40, (await platform.PublishAsync(request)).Accepted);
            await platform.UpsertRosterAsync(roster.Move(random));
            if (round == 2)
            {
                // Let a snapshot round write some of it, so recovery both restores snapshots and replays the journal.
                await Task.Delay(600);
            }
        }
        await ClosedPeriodsAgree.AssertAsync(query, roster, days);
        var before = await FiguresAsync(query, days);

        silo.Kill();
        await silo.StartAsync(platform);

        Assert.Equal(before, await FiguresAsync(query, days));
        await ClosedPeriodsAgree.AssertAsync(query, roster, days);
    }

    private static async Task<List<string>> FiguresAsync(ZhijiangClient query, IEnumerable<DateOnly> days)
    {
        var figures = new List<string>();
        foreach (var day in days)
        {
            foreach (var region in ClosedPeriodRoster.Counties.Concat(ClosedPeriodRoster.Cities).Append(ClosedPeriodRoster.Province))
            {
                figures.Add((await query.GetRegionAsync(new GetRequest { Id = region, Date = day.ToString("yyyy-MM-dd") })).ToString());
            }
        }
        return figures;
    }

    private static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
