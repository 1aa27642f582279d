using ZhijiangLive.Storage;

namespace ZhijiangLive.Grains.Storage;

/// <summary>
/// Grains' reads of their rows, gathered: the keys that wait while a query runs go in the next one, one
/// query per kind, at most <paramref name="keysPerQuery"/> keys each.
/// </summary>
internal sealed class ReadBatches(IDurableStore store, int keysPerQuery)
{
    private readonly Lock _gate = new();
    private List<(string Kind, string Key, TaskCompletionSource<GrainSnapshot?> Done)> _waiting = [];
    private bool _reading;

    public Task<GrainSnapshot?> ReadAsync(string kind, string key)
    {
        var done = new TaskCompletionSource<GrainSnapshot?>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _waiting.Add((kind, key, done));
            start = !_reading;
            _reading = true;
        }
        if (start)
        {
            _ = Task.Run(ReadWaitingAsync);
        }
        return done.Task;
    }

    private async Task ReadWaitingAsync()
    {
        while (true)
        {
            List<(string Kind, string Key, TaskCompletionSource<GrainSnapshot?> Done)> taken;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _reading = false;
                    return;
                }
                (taken, _waiting) = (_waiting, []);
            }
            foreach (var batch in taken.GroupBy(r => r.Kind).SelectMany(kind => kind.Chunk(keysPerQuery)))
            {
                await ReadAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task ReadAsync((string Kind, string Key, TaskCompletionSource<GrainSnapshot?> Done)[] batch)
    {
        try
        {
            var keys = batch.Select(r => r.Key).Distinct(StringComparer.Ordinal).ToList();
            var found = (await store.ReadSnapshotsAsync(batch[0].Kind, keys).ConfigureAwait(false))
                .ToDictionary(row => row.Key, StringComparer.Ordinal);
            foreach (var (_, key, done) in batch)
            {
                done.TrySetResult(found.GetValueOrDefault(key));
            }
        }
        catch (Exception error)
        {
            foreach (var (_, _, done) in batch)
            {
                done.TrySetException(error);
            }
        }
    }
}
