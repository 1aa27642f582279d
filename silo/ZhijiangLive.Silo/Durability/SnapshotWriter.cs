using System.Diagnostics;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Snapshots;
using ZhijiangLive.Silo.Cluster;
using ZhijiangLive.Silo.Ingest;
using ZhijiangLive.Silo.Metrics;
using ZhijiangLive.Storage;

namespace ZhijiangLive.Silo.Durability;

/// <summary>
/// Every <see cref="StoreOptions.SnapshotInterval"/>, or sooner once <see cref="StoreOptions.SnapshotAfterRecords"/>
/// were journaled after the last round: takes a cut in the ingest order, has the teachers
/// changed since their last write write their state to grain storage (the same store, in batched
/// transactions), writes the roster if it changed and the closed-period histories, moves the watermark to the cut, and
/// prunes the journal the watermark and the retention no longer need. One last round runs at shutdown.
/// </summary>
public sealed class SnapshotWriter(
    ZhijiangCluster cluster, IngestSequencer sequencer, EventIdWindow ids, IDurableStore store, StoreOptions options,
    TimeProvider time, ILogger<SnapshotWriter> logger, JournalOwnership? ownership = null, SiloMetrics? metrics = null,
    JournalWriter? journal = null) : BackgroundService
{
    private const int RowsPerWrite = 2_000;

    /// <summary>How often the journal's length is looked at, for <see cref="StoreOptions.SnapshotAfterRecords"/>.</summary>
    private static readonly TimeSpan VolumeCheck = TimeSpan.FromSeconds(1);

    private long _rosterChangesWritten = -1;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        cluster.EnableSnapshots();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var since = journal?.LastPosition ?? 0;
        while (!stopping.IsCancellationRequested)
        {
            using (var round = CancellationTokenSource.CreateLinkedTokenSource(stopping))
            {
                var interval = Task.Delay(options.SnapshotInterval, time, round.Token);
                while (!interval.IsCompleted && !(ByVolume && journal!.LastPosition - since >= options.SnapshotAfterRecords))
                {
                    await Task.WhenAny(interval, ByVolume ? Task.Delay(VolumeCheck, time, round.Token) : interval);
                }
                round.Cancel();
            }
            if (stopping.IsCancellationRequested)
            {
                return;
            }
            // Counted from the round's cut: records journaled while it wrote are replayed after it, so they count too.
            since = await TryRoundAsync(stopping) ?? journal?.LastPosition ?? 0;
        }
    }

    private bool ByVolume => options.SnapshotAfterRecords > 0 && journal is not null;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await TryRoundAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The stop's time (Zhijiang:ShutdownTimeout) ran out, say on a call that would not end. The journal
            // has everything acknowledged; the next start replays it from the last watermark.
            logger.LogWarning("The last snapshot round did not finish within the shutdown timeout; the next start replays the journal after the last watermark");
        }
    }

    /// <summary>A round if this silo writes the journal; its cut, or null when there was none.</summary>
    private async Task<long?> TryRoundAsync(CancellationToken cancellation)
    {
        // The silo that writes the journal takes the rounds, for every silo's teachers; the others wait their turn.
        if (ownership is { Owns: false })
        {
            return null;
        }
        try
        {
            return await RoundAsync(cancellation);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Snapshot round skipped: {Error}", error.Message);
            return null;
        }
    }

    /// <summary>Writes one round of snapshots; returns the cut, now the watermark.</summary>
    public async Task<long> RoundAsync(CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var (cut, roster, capture) = await sequencer.AtCutAsync(last =>
        {
            var changes = cluster.Roster.Changes;
            GrainSnapshot? rosterRow = changes != _rosterChangesWritten ? SnapshotRows.Of(cluster.Roster, last) : null;
            var capture = (Teachers: cluster.SaveChangedTeachersAsync(last), Histories: cluster.CaptureGroupHistoriesAsync());
            return (last, (Row: rosterRow, Changes: changes), capture);
        });
        var histories = await capture.Histories;
        int teachers;
        try
        {
            teachers = await capture.Teachers;
            if (roster.Row is { } rosterRow)
            {
                await store.WriteSnapshotsAsync([rosterRow], cancellation);
            }
            foreach (var chunk in histories.Chunk(RowsPerWrite))
            {
                await store.WriteSnapshotsAsync(chunk.Select(h => SnapshotRows.Of(h, cut)).ToList(), cancellation);
            }
            await store.WriteWatermarkAsync(cut, cancellation);
        }
        catch
        {
            // Those histories are no longer marked changed: keep their snapshots for the next round.
            histories.ForEach(cluster.Services.ParkedSnapshots!.Park);
            throw;
        }
        _rosterChangesWritten = roster.Changes;
        metrics?.SnapshotRoundWritten();
        var pruned = await store.PruneAsync(cut, PruneBefore(), cancellation);
        logger.LogInformation(
            "Snapshot round at position {Cut}: {Teachers} teachers, {Histories} group histories{Roster} in {Seconds:0.00} s; {Pruned} journal records pruned",
            cut, teachers, histories.Count, roster.Row is null ? "" : " and the roster", clock.Elapsed.TotalSeconds, pruned);
        return cut;
    }

    /// <summary>Events that occurred before this are no longer needed for duplicates nor kept by the retention.</summary>
    private DateTimeOffset PruneBefore()
    {
        if (options.JournalRetention == TimeSpan.Zero)
        {
            return DateTimeOffset.MinValue;
        }
        var retained = time.GetUtcNow() - options.JournalRetention;
        return retained < ids.RememberedSince ? retained : ids.RememberedSince;
    }
}
