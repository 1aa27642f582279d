using ZhijiangLive.Client;
using ZhijiangLive.Contracts.Wire;
using ZhijiangLive.Contracts.V1;
using TeacherView = ZhijiangLive.Contracts.V1.TeacherView;
using ZhijiangLive.Grains;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Runtime;
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

    /// <summary>The silo settings that choose the store under test.</summary>
    protected abstract Task<string[]> StoreSettingsAsync();

    /// <summary>The same store, opened by the test to read the journal once the silo is gone.</summary>
    protected abstract IDurableStore OpenStore();

    [Fact]
    public async Task KilledTenTimesUnderLoad_EveryAcknowledgedEventIsJournaledOnce_AndScoresEqualAFreshRun()
    {
        var seed = Environment.TickCount;
        using var silo = new SiloProcess(await StoreSettingsAsync());
        using var client = new ZhijiangClient(silo.GrpcAddress);
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
        var served = new Dictionary<string, TeacherView>();
        for (var t = 0; t < CrashRoster.Teachers; t++)
        {
            served[$"T{t}"] = await client.GetTeacherAsync(new GetRequest { Id = $"T{t}", Date = date });
        }
        silo.Kill();

        var journal = await ReadJournalAsync();
        var journaled = journal.Where(r => r.Kind == JournalKind.Event).Select(r => r.EventId!).ToList();
        Assert.True(journaled.Count >= 1000, $"only {journaled.Count} events were journaled (seed {seed})");
        Assert.Equal(journaled.Count, journaled.Distinct().Count());
        Assert.Equal(traffic.Acknowledged.Keys.Order(StringComparer.Ordinal), journaled.Order(StringComparer.Ordinal));

        await using var fresh = await FreshRunAsync(journal);
        foreach (var (id, view) in served)
        {
            var expected = ViewMapping.ToView((await fresh.GetTeacherAsync(id, DateOnly.Parse(date)))!);
            Assert.Equal(expected, view);
        }
    }

    /// <summary>A cluster that never crashed, fed the roster and the journal's events at the instants they were accepted.</summary>
    private static async Task<ZhijiangCluster> FreshRunAsync(IReadOnlyList<JournalRecord> journal)
    {
        var fresh = new ZhijiangCluster(RulePackLoader.Default, new ClusterOptions { Partitions = 2 }, new InMemoryGrainStorage(), TimeProvider.System);
        await fresh.UpsertRosterAsync(RosterMapping.ToDomain(CrashRoster.Batch()));
        foreach (var group in journal.Where(r => r.Kind == JournalKind.Event).GroupBy(r => r.AcceptedAt))
        {
            var events = group.Select(JournalPayloads.ToEvent).ToList();
            var result = await fresh.PublishAsync(events, group.Key);
            Assert.Empty(result.Rejections);
        }
        await fresh.FlushAsync();
        return fresh;
    }

    private async Task<List<JournalRecord>> ReadJournalAsync()
    {
        await using var store = OpenStore();
        await store.InitializeAsync();
        var records = new List<JournalRecord>();
        await foreach (var record in store.ReadAsync(0))
        {
            records.Add(record);
        }
        return records;
    }

    private static async Task UpsertUntilAnsweredAsync(ZhijiangClient client, ZhijiangLive.Contracts.V1.RosterBatch batch, CancellationToken giveUp)
    {
        while (true)
        {
            try
            {
                var reply = await client.UpsertRosterAsync(batch, new CallOptions { Timeout = TimeSpan.FromSeconds(5) }, giveUp);
                Assert.Empty(reply.Rejections);
                return;
            }
            catch (GrpcStatusException) when (!giveUp.IsCancellationRequested)
            {
                await Task.Delay(50, giveUp);
            }
        }
    }
}
