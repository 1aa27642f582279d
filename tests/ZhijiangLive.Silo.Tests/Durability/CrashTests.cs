using ZhijiangLive.Client;
using Grpc.Core;
using ZhijiangLive.Contracts.V1;
using TeacherView = ZhijiangLive.Contracts.V1.TeacherView;
using ZhijiangLive.Grains;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Hosting;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Silo.Mapping;
using ZhijiangLive.Storage;

namespace ZhijiangLive.Silo.Tests.Durability;

/// <summary>
/// The silo is killed with SIGKILL at random moments while a client streams events and retries whatever was
/// not answered. Afterwards the journal holds every acknowledged event exactly once, and every teacher's
/// scores equal those of a fresh cluster fed the same accepted events.
/// </summary>
public abstract class CrashTests
{
    private const int Kills = 10;
    internal const int LedgerEntries = 100_000;

    /// <summary>The silo settings that choose the store under test.</summary>
    protected abstract Task<string[]> StoreSettingsAsync();

    /// <summary>The same store, opened by the test to read the journal once the silo is gone.</summary>
    protected abstract IDurableStore OpenStore();

    [Fact]
    public async Task KilledTenTimesUnderLoad_EveryAcknowledgedEventIsJournaledOnce_AndScoresEqualAFreshRun()
    {
        var seed = Environment.TickCount;
        // Snapshot rounds every 200 ms: most lives of the silo write some, so recovery restores snapshots and
        // replays the journal after the watermark, teachers passing over what their snapshot holds.
        // Every ledger entry is kept, so that an event applied twice shows even where a cap hides it in the scores.
        using var silo = new SiloProcess([.. await StoreSettingsAsync(), "--Zhijiang:Store:SnapshotInterval=00:00:00.200",
            $"--Zhijiang:Cluster:LedgerEntriesPerTeacher={LedgerEntries}"]);
        using var client = silo.PlatformClient();
        using var reader = silo.QueryClient();
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await silo.StartAsync(client);
        await UpsertUntilAnsweredAsync(client, CrashRoster.Batch(), giveUp.Token);

        var traffic = new AcknowledgingClient(client, workers: 4, batchSize: 50);
        using var stopNew = new CancellationTokenSource();
        var running = traffic.RunAsync(seed, stopNew.Token, giveUp.Token);
        var random = new Random(seed);
        for (var kill = 0; kill < Kills; kill++)
        {
            await Task.Delay(random.Next(100, 800));
            silo.Kill();
            await silo.StartAsync(client);
        }
        stopNew.Cancel();
        await running;
        // One more crash with nothing in flight, so that the state asked about below is a recovered one.
        silo.Kill();
        await silo.StartAsync(client);

        Assert.Empty(traffic.Problems);
        Assert.Equal(Kills + 2, silo.Starts);
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        var served = new Dictionary<string, (TeacherView Scores, Ledger Today, Ledger Yesterday)>();
        for (var t = 0; t < CrashRoster.Teachers; t++)
        {
            var id = $"T{t}";
            served[id] = (
                await reader.GetTeacherAsync(new GetRequest { Id = id, Date = date }),
                await reader.ExplainTeacherAsync(new GetRequest { Id = id, Date = date }),
                await reader.ExplainTeacherAsync(new GetRequest { Id = id, Date = DayBefore(date) }));
        }
        silo.Kill();

        var (journal, watermark, snapshots) = await ReadStoreAsync();
        Assert.True(watermark > 0 && snapshots > 0, $"no snapshot round completed (watermark {watermark}, {snapshots} snapshots)");
        var journaled = journal.Where(r => r.Kind == JournalKind.Event).Select(r => r.EventId!).ToList();
        Assert.True(journaled.Count >= 1000, $"only {journaled.Count} events were journaled (seed {seed})");
        Assert.Equal(journaled.Count, journaled.Distinct().Count());
        Assert.Equal(traffic.Acknowledged.Keys.Order(StringComparer.Ordinal), journaled.Order(StringComparer.Ordinal));

        await using var freshSilo = await FreshRunAsync(journal);
        var fresh = freshSilo.Cluster;
        foreach (var (id, (scores, today, yesterday)) in served)
        {
            Assert.Equal(ViewMapping.ToView((await fresh.GetTeacherAsync(id, DateOnly.Parse(date)))!), scores);
            Assert.Equal(ViewMapping.ToView((await fresh.ExplainTeacherAsync(id, DateOnly.Parse(date)))!), today);
            Assert.Equal(ViewMapping.ToView((await fresh.ExplainTeacherAsync(id, DateOnly.Parse(DayBefore(date))))!), yesterday);
        }
        Assert.True(served.Values.Sum(v => v.Today.Entries.Count + v.Yesterday.Entries.Count) == journaled.Count,
            "every journaled event has exactly one ledger entry");
    }

    internal static string DayBefore(string date) => DateOnly.Parse(date).AddDays(-1).ToString("yyyy-MM-dd");

    /// <summary>A cluster that never crashed, fed the roster and the journal's events at the instants they were accepted.</summary>
    internal static async Task<LocalSilo> FreshRunAsync(IReadOnlyList<JournalRecord> journal)
    {
        var options = new ClusterOptions { LedgerEntriesPerTeacher = LedgerEntries };
        var silo = await LocalSilo.StartAsync(RulePackLoader.Default, options);
        var fresh = silo.Cluster;
        await fresh.UpsertRosterAsync(RosterMapping.ToDomain(CrashRoster.Batch()));
        foreach (var group in journal.Where(r => r.Kind == JournalKind.Event).GroupBy(r => r.AcceptedAt))
        {
            var events = group.Select(JournalPayloads.ToEvent).ToList();
            var result = await fresh.PublishAsync(events, group.Key);
            Assert.Empty(result.Rejections);
        }
        await fresh.FlushAsync();
        return silo;
    }

    private async Task<(List<JournalRecord> Journal, long Watermark, int Snapshots)> ReadStoreAsync()
    {
        await using var store = OpenStore();
        await store.InitializeAsync();
        var records = new List<JournalRecord>();
        await foreach (var record in store.ReadAsync(0))
        {
            records.Add(record);
        }
        var snapshots = 0;
        await foreach (var _ in store.ReadSnapshotsAsync())
        {
            snapshots++;
        }
        return (records, await store.ReadWatermarkAsync(), snapshots);
    }

    internal static async Task UpsertUntilAnsweredAsync(ZhijiangClient client, ZhijiangLive.Contracts.V1.RosterBatch batch, CancellationToken giveUp)
    {
        while (true)
        {
            try
            {
                var reply = await client.UpsertRosterAsync(batch, new ZhijiangCallOptions { Timeout = TimeSpan.FromSeconds(5) }, giveUp);
                Assert.Empty(reply.Rejections);
                return;
            }
            catch (RpcException) when (!giveUp.IsCancellationRequested)
            {
                await Task.Delay(50, giveUp);
            }
        }
    }
}
