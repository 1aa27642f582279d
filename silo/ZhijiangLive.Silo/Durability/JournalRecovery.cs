using System.Diagnostics;
using Orleans.Runtime;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Silo.Ingest;
using ZhijiangLive.Storage;

namespace ZhijiangLive.Silo.Durability;

/// <summary>
/// Brings the cluster back to where the store says it was, on the silo that takes the journal: at start-up
/// before the silo listens (<see cref="ClusterStartup"/>), or when the journal fails over to this silo. A cold
/// start (no other silo is up) takes teachers from their snapshots into memory, the roster from its snapshot at
/// the watermark, and schools and regions from the teachers' reports. A failover finds the other silos' grains
/// alive and current: it has every school and region take its entry again and every teacher announce itself
/// through its grain (those that died come back from grain storage). Either way the journal after the
/// watermark is then replayed, each teacher passing over what it already holds. The caller has initialized the store.
/// </summary>
public sealed class JournalRecovery(
    IDurableStore store, JournalWriter journal, ZhijiangCluster cluster, EventIdWindow ids, ILocalSiloDetails silo,
    ILogger<JournalRecovery> logger, bool takeJournal = true)
{
    public async Task RecoverAsync(bool cold, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // A month whose grace window ended while the silo was down is published once it has all its events back.
        await cluster.PausePublicationAsync();
        // Taken before anything is read: a silo still writing this store from another process fails its next append.
        // A rebuild only reads, and must not fence out a silo that runs beside it.
        if (takeJournal)
        {
            await journal.TakeAsync($"silo {silo.SiloAddress} on {Environment.MachineName}, pid {Environment.ProcessId}", cancellationToken);
        }
        var watermark = await store.ReadWatermarkAsync(cancellationToken);
        var teachers = await RestoreSnapshotsAsync(watermark, cold, cancellationToken);
        var restored = clock.Elapsed;
        var remembered = await RememberEventIdsAsync(watermark, cancellationToken);
        var rememberedAt = clock.Elapsed;
        var replay = new JournalReplay(cluster, ids);
        await foreach (var record in store.ReadAsync(watermark, cancellationToken))
        {
            await replay.AddAsync(record);
        }
        await replay.CompleteAsync();
        await cluster.ResumePublicationAsync();
        journal.StartAfter(Math.Max(await store.LastPositionAsync(cancellationToken), replay.LastPosition));
        logger.LogInformation(
            "Recovered ({Kind}) from the {Store} store in {Seconds:0.00} s: {Teachers} teacher snapshots, {Remembered} recent event ids, " +
            "{Events} events and {Roster} roster changes replayed after position {Watermark} (snapshots and grains {Restored:0.00} s, " +
            "event ids {Ids:0.00} s, replay {Replay:0.00} s)",
            cold ? "cold start" : "failover", store.Name, clock.Elapsed.TotalSeconds, teachers, remembered, replay.Events, replay.RosterChanges, watermark,
            restored.TotalSeconds, (rememberedAt - restored).TotalSeconds, (clock.Elapsed - rememberedAt).TotalSeconds);
    }

    /// <summary>
    /// The roster at the watermark and the regions' publications, on a failover too: this silo may be new and its
    /// directory empty, and the journal after the watermark brings every later roster change. On a cold start the
    /// teachers go into memory first, so that the roster's upsert finds them with their state.
    /// </summary>
    private async Task<int> RestoreSnapshotsAsync(long watermark, bool cold, CancellationToken cancellation)
    {
        GrainSnapshot? roster = null;
        var histories = new List<GrainSnapshot>();
        var teachers = 0;
        await foreach (var row in store.ReadSnapshotsAsync(cancellation))
        {
            if (row.Kind == SnapshotRows.Teacher)
            {
                if (cold)
                {
                    cluster.RestoreTeacher(SnapshotRows.ToTeacher(row));
                    teachers++;
                }
            }
            else if (SnapshotRows.IsHistory(row))
            {
                histories.Add(row);
            }
            else
            {
                roster = SnapshotRows.RosterAt(watermark, roster, row);
            }
        }
        if (roster is not null)
        {
            await cluster.UpsertRosterAsync(SnapshotRows.ToRoster(roster), roster.Position);
        }
        foreach (var history in histories)
        {
            await cluster.RestoreGroupHistoryAsync(SnapshotRows.ToHistory(history));
        }
        if (!cold)
        {
            await cluster.ReestablishAsync();
        }
        else if (teachers > 0)
        {
            await cluster.AnnounceAllTeachersAsync();
        }
        return teachers;
    }

    /// <summary>The regions' published monthly rankings, given back to regions that may have come back empty on another silo.</summary>
    public async Task RestorePublicationsAsync(CancellationToken cancellation)
    {
        await foreach (var row in store.ReadSnapshotsAsync(cancellation))
        {
            if (SnapshotRows.IsHistory(row))
            {
                await cluster.RestoreGroupHistoryAsync(SnapshotRows.ToHistory(row));
            }
        }
    }

    /// <summary>The ids of events journaled up to the watermark that a retry could still repeat; the replay claims the later ones.</summary>
    private async Task<long> RememberEventIdsAsync(long watermark, CancellationToken cancellation)
    {
        var count = 0L;
        await foreach (var id in store.ReadEventIdsAsync(ids.RememberedSince, watermark, cancellation))
        {
            ids.TryClaim(id.EventId, id.OccurredAt);
            count++;
        }
        return count;
    }

}
