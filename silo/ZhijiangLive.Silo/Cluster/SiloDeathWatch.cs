using Orleans.Runtime;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Silo.Ingest;

namespace ZhijiangLive.Silo.Cluster;

/// <summary>
/// On the silo that writes the journal: when another silo dies, its grains come back elsewhere as they are
/// called, teachers from stored rows that may be behind, schools and regions empty. Between two hand-offs (the
/// ingest sequence holds meanwhile) every teacher is asked whether it holds its last event and catches up from
/// the journal if not, then every school and region is built again from its teachers, as after a failover.
/// </summary>
public sealed class SiloDeathWatch(
    IClusterMembershipService membership, JournalOwnership ownership, IngestSequencer sequencer, ZhijiangCluster cluster,
    JournalRecovery recovery, ILogger<SiloDeathWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var silos = new DepartedSilos(cluster.Silo);
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stopping))
            {
                var died = silos.DiedSince(snapshot);
                if (died.Count > 0 && await OwnsOnceRecoveredAsync())
                {
                    await RebuildAsync(died);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The silo stops.
        }
    }

    /// <summary>
    /// Whether this silo writes the journal, once a takeover under way has finished: a failover's recovery may
    /// have rebuilt schools and regions while the dead silo still held some of them, and those are rebuilt again.
    /// </summary>
    private async Task<bool> OwnsOnceRecoveredAsync()
    {
        if (ownership.Recovery is { } recovering)
        {
            try
            {
                await recovering;
            }
            catch (Exception)
            {
                // A failed recovery stops the silo; it has nothing to rebuild.
            }
        }
        return ownership.Owns;
    }

    private async Task RebuildAsync(List<SiloAddress> died)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var caughtUp = 0;
            await sequencer.HoldAsync(async () =>
            {
                caughtUp = await cluster.CatchUpAllAsync();
                await recovery.RestorePublicationsAsync(CancellationToken.None);
                await cluster.ReestablishAsync();
            });
            logger.LogWarning("Silo {Silos} died: {CaughtUp} teachers caught up from the journal, schools and regions rebuilt, in {Seconds:0.0} s",
                string.Join(", ", died), caughtUp, clock.Elapsed.TotalSeconds);
        }
        catch (Exception error)
        {
            logger.LogError(error, "Rebuilding after silo {Silos} died failed; the grains catch up as their next events arrive", string.Join(", ", died));
        }
    }
}
