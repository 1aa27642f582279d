namespace ZhijiangLive.Grains.Runtime;

/// <summary>Idle scans, deactivating everything, and shutting down.</summary>
public sealed partial class GrainRuntime
{
    // OnDeactivate may message other grains and so reactivate them; the cascades of this service
    // (teacher, school, county, city, province) settle well within this many rounds.
    private const int MaxDeactivationRounds = 16;

    /// <summary>Deactivates every active grain, which writes its state to storage.</summary>
    public async Task DeactivateAllAsync()
    {
        ObjectDisposedException.ThrowIf(_stopped, this);
        for (int round = 0; round < MaxDeactivationRounds; round++)
        {
            await FlushAsync().ConfigureAwait(false);
            if (ActiveGrainCount == 0)
            {
                return;
            }
            var rounds = new Task[_partitions.Length];
            for (int i = 0; i < _partitions.Length; i++)
            {
                var deactivateAll = new PartitionAction(static partition => partition.DeactivateAll(), tracked: true);
                PostHousekeeping(i, default, deactivateAll);
                rounds[i] = deactivateAll.Completion;
            }
            await Task.WhenAll(rounds).ConfigureAwait(false);
        }
        throw new InvalidOperationException(
            $"{ActiveGrainCount} grains were still being reactivated by OnDeactivate after {MaxDeactivationRounds} rounds.");
    }

    /// <summary>
    /// Runs <paramref name="visit"/> on every active grain of a type, each on its own partition's thread
    /// and after every message enqueued there before the call; completes when every partition is done.
    /// Used for snapshots: what a grain shows here includes everything sent to it before.
    /// </summary>
    public Task VisitActiveAsync<TGrain>(Action<TGrain> visit) where TGrain : Grain
    {
        ArgumentNullException.ThrowIfNull(visit);
        var visits = new Task[_partitions.Length];
        for (int i = 0; i < _partitions.Length; i++)
        {
            var action = new PartitionAction(partition =>
            {
                foreach (var grain in partition.ActiveGrains)
                {
                    if (grain is TGrain typed)
                    {
                        visit(typed);
                    }
                }
            }, tracked: true);
            PostHousekeeping(i, default, action);
            visits[i] = action.Completion;
        }
        return Task.WhenAll(visits);
    }

    /// <summary>Stops the idle scan, deactivates every grain (persisting state) and stops the partitions.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _idleScanTimer?.Dispose();
        _closing = true;
        try
        {
            await DeactivateAllAsync().ConfigureAwait(false);
        }
        finally
        {
            _stopped = true;
            foreach (var partition in _partitions)
            {
                partition.Stop();
            }
        }
    }

    private void ScanIdle()
    {
        for (int i = 0; i < _partitions.Length && !_closing; i++)
        {
            PostHousekeeping(i, default, _idleScan);
        }
    }
}
