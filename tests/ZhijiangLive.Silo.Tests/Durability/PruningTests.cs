using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Silo.Tests.Operations;
using ZhijiangLive.Storage;
using ZhijiangLive.Storage.Sqlite;

namespace ZhijiangLive.Silo.Tests.Durability;

/// <summary>
/// Once a snapshot round includes them and the duplicates window has passed, journal records are pruned;
/// a restart then rebuilds everything from the snapshots alone.
/// </summary>
public sealed class PruningTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("zhijiang-prune-").FullName;

    private string Database => Path.Combine(_directory, "journal.db");

    [Fact]
    public async Task RecordsPastTheWatermarkAndTheWindow_ArePruned_AndARestartServesTheSameScoresFromSnapshots()
    {
        var clock = new RunningSilo.StoppedClock(RunningSilo.Now);
        string[] settings = [.. StoreSettings.Sqlite(Database),
            "--Zhijiang:Store:SnapshotInterval=01:00:00", "--Zhijiang:Store:JournalRetention=00:00:01"];
        TeacherView before;
        GroupView firstDay;
        await using (var silo = await RunningSilo.StartAsync(clock, settings))
        {
            using var client = silo.PlatformClient();
            using var reader = silo.QueryClient();
            await client.UpsertRosterAsync(CrashRoster.Batch());
            await client.PublishAsync(new PublishRequest { Events = { Teaching("first-1", "T1", clock), Teaching("first-2", "T2", clock) } });
            var writer = silo.Services.GetRequiredService<SnapshotWriter>();
            Assert.Equal(3, await writer.RoundAsync());
            Assert.Equal(1, (await MetricsScrape.ScrapeAsync(silo.Http))["zhijiang_snapshot_rounds_total"]);

            // The grace window is 3 days and ids are kept a day longer: six days on, the first events may go.
            clock.Advance(TimeSpan.FromDays(6));
            await client.PublishAsync(new PublishRequest { Events = { Teaching("later-1", "T1", clock) } });
            Assert.Equal(4, await writer.RoundAsync());
            before = await reader.GetTeacherAsync(new GetRequest { Id = "T1" });
            Assert.Equal(10, before.Month);
            firstDay = await reader.GetSchoolAsync(new GetRequest { Id = "S1", Date = "2026-03-02" });
            Assert.Equal(5, firstDay.Day.Total);
        }

        await using (var store = new SqliteStore(Database))
        {
            await store.InitializeAsync();
            var left = new List<long>();
            await foreach (var record in store.ReadAsync(0))
            {
                left.Add(record.Position);
            }
            Assert.Equal([4], left);
            Assert.Equal(4, await store.ReadWatermarkAsync());
        }

        await using (var restarted = await RunningSilo.StartAsync(clock, settings))
        {
            using var client = restarted.PlatformClient();
            using var reader = restarted.QueryClient();
            Assert.Equal(before, await reader.GetTeacherAsync(new GetRequest { Id = "T1" }));
            var school = await reader.GetSchoolAsync(new GetRequest { Id = "S1" });
            Assert.Equal(10, school.Month.Total);
            // A closed day's figures are the school's own history, not a sum of today's reports: from its snapshot.
            Assert.Equal(firstDay, await reader.GetSchoolAsync(new GetRequest { Id = "S1", Date = "2026-03-02" }));
            // An event of the pruned days can no longer be accepted anyway: it is out of the grace window.
            var retry = await client.PublishAsync(new PublishRequest { Events = { Teaching("first-1", "T1", new RunningSilo.StoppedClock(RunningSilo.Now)) } });
            Assert.Equal("OUT_OF_WINDOW", Assert.Single(retry.Rejections).Reason);
        }
    }

    private static ActivityEvent Teaching(string id, string teacher, TimeProvider clock) => new()
    {
        EventId = id,
        TeacherId = teacher,
        OccurredAt = Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
        Client = ZhijiangLive.Contracts.V1.Client.Pc,
        TeachingSession = new TeachingSession { SessionId = id, DurationSeconds = 2400 },
    };

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
