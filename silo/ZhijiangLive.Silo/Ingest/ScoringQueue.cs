using ZhijiangLive.Grains.Cluster;

namespace ZhijiangLive.Silo.Ingest;

/// <summary>
/// Journaled groups on their way to the grains, in journal order. While the grains score one hand-off, the
/// groups journaled meanwhile wait and then go together: a teacher with events in several of them gets one
/// call for all, in journal order. Under load the hand-offs grow and the grain calls per event fall, which
/// is what bounds ingest on Orleans.
/// </summary>
public sealed class ScoringQueue(ZhijiangCluster cluster)
{
    private readonly Lock _gate = new();
    private List<(IReadOnlyList<AcceptedEvent> Events, TaskCompletionSource<PublishResult> Done)> _waiting = [];
    private Task _last = Task.CompletedTask;
    private bool _running;

    /// <summary>Hands a group to the grains after every group enqueued before it; completes when it is scored.</summary>
    public Task<PublishResult> EnqueueAsync(IReadOnlyList<AcceptedEvent> events)
    {
        var done = new TaskCompletionSource<PublishResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _waiting.Add((events, done));
            _last = done.Task;
            start = !_running;
            _running = true;
        }
        if (start)
        {
            _ = Task.Run(ScoreWaitingAsync);
        }
        return done.Task;
    }

    /// <summary>Completes once every group enqueued so far is scored, whether or not it failed.</summary>
    public Task IdleAsync()
    {
        Task last;
        lock (_gate)
        {
            last = _last;
        }
        return last.IsCompleted ? Task.CompletedTask : last.ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private async Task ScoreWaitingAsync()
    {
        while (true)
        {
            List<(IReadOnlyList<AcceptedEvent> Events, TaskCompletionSource<PublishResult> Done)> taken;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _running = false;
                    return;
                }
                (taken, _waiting) = (_waiting, []);
            }
            try
            {
                var all = taken.Count == 1 ? taken[0].Events : [.. taken.SelectMany(t => t.Events)];
                Split(await cluster.PublishCheckedAsync(all).ConfigureAwait(false), taken);
            }
            catch (Exception error)
            {
                taken.ForEach(t => t.Done.TrySetException(error));
            }
        }
    }

    /// <summary>Gives each group its own share of the result, indices counted from its first event.</summary>
    private static void Split(PublishResult result, List<(IReadOnlyList<AcceptedEvent> Events, TaskCompletionSource<PublishResult> Done)> taken)
    {
        if (taken.Count == 1)
        {
            taken[0].Done.TrySetResult(result);
            return;
        }
        var offset = 0;
        foreach (var (events, done) in taken)
        {
            var end = offset + events.Count;
            var from = offset;
            var rejections = result.Rejections.Where(r => r.Index >= from && r.Index < end).Select(r => r with { Index = r.Index - from }).ToList();
            var outcomes = result.Outcomes.Skip(from).Take(events.Count).ToList();
            done.TrySetResult(new PublishResult(events.Count - rejections.Count, rejections, outcomes));
            offset = end;
        }
    }
}
