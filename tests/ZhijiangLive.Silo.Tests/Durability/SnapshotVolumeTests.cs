using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Tests.Operations;

namespace ZhijiangLive.Silo.Tests.Durability;

/// <summary>A round starts once enough records came after the last one, however far off the interval is.</summary>
public sealed class SnapshotVolumeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("zhijiang-volume-").FullName;

    [Fact]
    public async Task RecordsPastTheLimit_StartARound_BeforeTheInterval()
    {
        string[] settings = [.. StoreSettings.Sqlite(Path.Combine(_directory, "journal.db")),
            "--Zhijiang:Store:SnapshotInterval=01:00:00", "--Zhijiang:Store:SnapshotAfterRecords=20"];
        await using var silo = await RunningSilo.StartAsync(settings);
        using var client = silo.PlatformClient();
        await client.UpsertRosterAsync(CrashRoster.Batch());
        var random = new Random(7);

        await client.PublishAsync(new PublishRequest { Events = { Enumerable.Range(0, 10).Select(i => CrashRoster.Event($"a{i}", random, RunningSilo.Now)) } });
        await Task.Delay(TwoLooksAtTheJournal);
        Assert.Equal(0, (await MetricsScrape.ScrapeAsync(silo.Http))["zhijiang_snapshot_rounds_total"]);

        await client.PublishAsync(new PublishRequest { Events = { Enumerable.Range(0, 15).Select(i => CrashRoster.Event($"b{i}", random, RunningSilo.Now)) } });
        await MetricsScrape.ScrapeUntilAsync(silo.Http, "zhijiang_snapshot_rounds_total", 1);
    }

    // Two looks at the journal's length: long enough for a round that should not start to have started.
    private static readonly TimeSpan TwoLooksAtTheJournal = TimeSpan.FromSeconds(2.5);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
