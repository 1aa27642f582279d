using ZhijiangLive.Storage;

namespace ZhijiangLive.Grains.Storage;

/// <summary>
/// Grain writes gathered into store transactions, and grain reads into queries: whatever waits when one
/// finishes goes in the next (up to <paramref name="rowsPerWrite"/> rows), as the journal's group commit
/// does. A store pays per round trip, so a snapshot round of many teachers costs a few commits, and a
/// roster activating a province's teachers a few hundred queries, not one per teacher.
/// </summary>
internal sealed class SnapshotBatches(IDurableStore store, int rowsPerWrite = 2_000)
{
    private readonly ReadBatches _reads = new(store, rowsPerWrite);

    /// <summary>The grain's stored row, or null.</summary>
    public Task<GrainSnapshot?> ReadAsync(string kind, string key) => _reads.ReadAsync(kind, key);

    private readonly Lock _gate = new();
    private List<(GrainSnapshot Row, TaskCompletionSource<bool> Done)> _waiting = [];
    private bool _writing;

    /// <summary>
    /// Completes once the row's transaction committed: true if the row was written, false if the store kept a
    /// version as high or higher (another writer got there first). Fails if its transaction failed.
    /// </summary>
    public Task<bool> WriteAsync(GrainSnapshot row)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _waiting.Add((row, done));
            start = !_writing;
            _writing = true;
        }
        if (start)
        {
            _ = Task.Run(WriteWaitingAsync);
        }
        return done.Task;
    }

    private async Task WriteWaitingAsync()
    {
        while (true)
        {
            List<(GrainSnapshot Row, TaskCompletionSource<bool> Done)> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }
                batch = TakeBatch();
            }
            try
            {
                var refused = await store.WriteSnapshotsAsync([.. batch.Select(w => w.Row)]).ConfigureAwait(false);
                batch.ForEach(w => w.Done.TrySetResult(!refused.Contains((w.Row.Kind, w.Row.Key))));
            }
            catch (Exception error)
            {
                batch.ForEach(w => w.Done.TrySetException(error));
            }
        }
    }

    // A grain at most once per transaction, so that the store's answer for it is about this very row.
    private List<(GrainSnapshot Row, TaskCompletionSource<bool> Done)> TakeBatch()
    {
        var batch = new List<(GrainSnapshot Row, TaskCompletionSource<bool> Done)>();
        var later = new List<(GrainSnapshot Row, TaskCompletionSource<bool> Done)>();
        var grains = new HashSet<(string, string)>();
        foreach (var write in _waiting)
        {
            if (batch.Count < rowsPerWrite && grains.Add((write.Row.Kind, write.Row.Key)))
            {
                batch.Add(write);
            }
            else
            {
                later.Add(write);
            }
        }
        _waiting = later;
        return batch;
    }
}
