using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Silo.Ingest;

/// <summary>
/// Merges the batches of concurrent calls into one hand-off to the grains: while one merged batch is being
/// handed out, the calls that arrive wait in a list and go together in the next. A call of one event then
/// costs a share of a hand-off instead of a whole one (a delivery per partition and a wake-up each).
/// Hand-offs are serialised, so events are accepted in the order their calls reached the batcher.
/// </summary>
public sealed class IngestBatcher(ZhijiangCluster cluster, TimeProvider time)
{
    private readonly Lock _handoff = new();
    private readonly Lock _pendingLock = new();
    private List<Waiter> _pending = [];
    private bool _flushScheduled;

    /// <summary>Scores the events; the result's rejection indexes count within <paramref name="events"/>.</summary>
    public Task<PublishResult> PublishAsync(IReadOnlyList<ActivityEvent> events)
    {
        var waiter = new Waiter(events);
        lock (_pendingLock)
        {
            _pending.Add(waiter);
            if (_flushScheduled)
            {
                return waiter.Result.Task;
            }
            _flushScheduled = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(static batcher => batcher.Flush(), this, preferLocal: false);
        return waiter.Result.Task;
    }

    private void Flush()
    {
        lock (_handoff)
        {
            List<Waiter> waiters;
            lock (_pendingLock)
            {
                (waiters, _pending) = (_pending, []);
                _flushScheduled = false;
            }
            var merged = new List<ActivityEvent>(waiters.Sum(w => w.Events.Count));
            foreach (var waiter in waiters)
            {
                merged.AddRange(waiter.Events);
            }
            Task<PublishResult> scoring;
            try
            {
                scoring = cluster.PublishAsync(merged, time.GetUtcNow());
            }
            catch (Exception e)
            {
                scoring = Task.FromException<PublishResult>(e);
            }
            scoring.ContinueWith(static (done, state) => Split(done, (List<Waiter>)state!), waiters,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private static void Split(Task<PublishResult> done, List<Waiter> waiters)
    {
        if (!done.IsCompletedSuccessfully)
        {
            foreach (var waiter in waiters) waiter.Result.TrySetException(done.Exception?.InnerExceptions ?? [new TaskCanceledException()]);
            return;
        }
        var rejections = done.Result.Rejections;
        var next = 0;
        var offset = 0;
        foreach (var waiter in waiters)
        {
            var end = offset + waiter.Events.Count;
            var own = new List<EventRejection>();
            for (; next < rejections.Count && rejections[next].Index < end; next++)
            {
                own.Add(rejections[next] with { Index = rejections[next].Index - offset });
            }
            waiter.Result.TrySetResult(new PublishResult(waiter.Events.Count - own.Count, own, []));
            offset = end;
        }
    }

    private sealed class Waiter(IReadOnlyList<ActivityEvent> events)
    {
        public IReadOnlyList<ActivityEvent> Events { get; } = events;
        public TaskCompletionSource<PublishResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
