using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Cluster;

/// <summary>
/// Collects the outcomes of one published batch as teacher grains on every partition decide them, and
/// completes when the last one is in. Each slot is written by exactly one partition.
/// </summary>
internal sealed class PublishBatch
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending;
    private Exception? _failure;

    public PublishBatch(int count)
    {
        Outcomes = new ScoreOutcome[count];
        _pending = 1; // held by the publisher until every event is handed out
    }

    public ScoreOutcome[] Outcomes { get; }
    public Task Completion => _done.Task;

    public void Expect(int count) => Interlocked.Add(ref _pending, count);

    public void Decide(StandInTeacherGrain teacher, in PendingEvent pending)
    {
        try
        {
            Outcomes[pending.Index] = teacher.Publish(pending.Event, pending.AcceptedAt, pending.Position);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
        }
        finally
        {
            Release();
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _pending) != 0)
        {
            return;
        }
        if (_failure is { } failure) _done.TrySetException(failure);
        else _done.TrySetResult();
    }
}

/// <summary>One event on its way to its teacher grain, with its journal position (0 when it has none).</summary>
internal readonly record struct PendingEvent(int Index, ActivityEvent Event, DateTimeOffset AcceptedAt, long Position, PublishBatch Batch);
