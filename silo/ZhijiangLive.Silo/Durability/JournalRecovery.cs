using System.Diagnostics;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Silo.Ingest;
using ZhijiangLive.Storage;

namespace ZhijiangLive.Silo.Durability;

/// <summary>
/// Brings the cluster back to where the journal says it was, before the silo listens: the host starts its
/// servers only after every hosted service's <see cref="StartingAsync"/>, so the silo is ready (and its
/// ports open) only once replay is done.
/// </summary>
public sealed class JournalRecovery(
    IDurableStore store, JournalWriter journal, ZhijiangCluster cluster, EventIdWindow ids, ILogger<JournalRecovery> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await store.InitializeAsync(cancellationToken);
        var watermark = await store.ReadWatermarkAsync(cancellationToken);
        var replay = new JournalReplay(cluster, ids);
        await foreach (var record in store.ReadAsync(watermark, cancellationToken))
        {
            await replay.AddAsync(record);
        }
        await replay.CompleteAsync();
        journal.StartAfter(Math.Max(await store.LastPositionAsync(cancellationToken), replay.LastPosition));
        logger.LogInformation(
            "Recovered from the {Store} store in {Seconds:0.00} s: {Events} events and {Roster} roster changes replayed after position {Watermark}",
            store.Name, clock.Elapsed.TotalSeconds, replay.Events, replay.RosterChanges, watermark);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
