namespace ZhijiangLive.Grains.Batching;

/// <summary>
/// Work taken one item at a time and done in batches, one batch at a time, in arrival order: the items
/// that arrive while a batch runs wait, and make the next one (group commit). Whatever pays per round trip
/// (a store's transaction, a grain call) then pays once for many items, and the batches grow with the load.
/// </summary>
/// <param name="run">does a batch; answers one result per item, in the batch's order</param>
/// <param name="maxBatch">the most items in one batch; the rest wait for the next</param>
/// <param name="onceEach">if given, items with the same key never share a batch: a later one waits for the next</param>
public sealed class GatheringQueue<TItem, TResult>(
    Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> run, int maxBatch = int.MaxValue, Func<TItem, object>? onceEach = null)
{
    private readonly Lock _gate = new();
    private List<(TItem Item, TaskCompletionSource<TResult> Done)> _waiting = [];
    private Task _last = Task.CompletedTask;
    private bool _running;

    /// <summary>Completes with the item's result once its batch ran; fails if the batch failed.</summary>
    public Task<TResult> EnqueueAsync(TItem item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _waiting.Add((item, done));
            _last = done.Task;
            start = !_running;
            _running = true;
        }
        if (start)
        {
            _ = Task.Run(RunWaitingAsync);
        }
        return done.Task;
    }

    /// <summary>Completes once every item enqueued so far is done, whether or not its batch failed.</summary>
    public Task IdleAsync()
    {
        Task last;
        lock (_gate)
        {
            last = _last;
        }
        return last.IsCompleted ? Task.CompletedTask : last.ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private async Task RunWaitingAsync()
    {
        while (true)
        {
            List<(TItem Item, TaskCompletionSource<TResult> Done)> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _running = false;
                    return;
                }
                batch = TakeBatch();
            }
            try
            {
                var results = await run([.. batch.Select(w => w.Item)]).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception error)
            {
                batch.ForEach(w => w.Done.TrySetException(error));
            }
        }
    }

    private List<(TItem Item, TaskCompletionSource<TResult> Done)> TakeBatch()
    {
        if (_waiting.Count <= maxBatch && onceEach is null)
        {
            var all = _waiting;
            _waiting = [];
            return all;
        }
        var batch = new List<(TItem Item, TaskCompletionSource<TResult> Done)>();
        var later = new List<(TItem Item, TaskCompletionSource<TResult> Done)>();
        var keys = new HashSet<object>();
        foreach (var waiting in _waiting)
        {
            if (batch.Count < maxBatch && (onceEach is null || keys.Add(onceEach(waiting.Item))))
            {
                batch.Add(waiting);
            }
            else
            {
                later.Add(waiting);
            }
        }
        _waiting = later;
        return batch;
    }
}
