namespace ZhijiangLive.Grains.Runtime;

/// <summary>
/// A grain timer: the TimeProvider's timer only queues a tick; the callback runs on the partition
/// thread as a turn of the grain, and only while the activation that registered it is alive.
/// </summary>
internal sealed class GrainTimer : WorkHandler, IDisposable
{
    private readonly Grain _grain;
    private readonly Partition _partition;
    private readonly Action _callback;
    private readonly ITimer _timer;
    private int _tickQueued;
    private volatile bool _disposed;

    internal GrainTimer(Grain grain, Partition partition, Action callback, TimeSpan dueTime, TimeSpan period)
    {
        _grain = grain;
        _partition = partition;
        _callback = callback;
        _timer = partition.Runtime.Time.CreateTimer(static state => ((GrainTimer)state!).OnTick(), this, dueTime, period);
    }

    internal bool IsDisposed => _disposed;

    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
    }

    internal override void Run(Partition partition, in WorkItem item)
    {
        Volatile.Write(ref _tickQueued, 0);
        if (_disposed || !partition.IsActive(_grain))
        {
            return;
        }
        try
        {
            _callback();
        }
        finally
        {
            partition.EndTurn(_grain);
        }
    }

    private void OnTick()
    {
        // Like Orleans, no backlog of ticks: a tick due while the last one waits in the queue is dropped.
        if (_disposed || _partition.Runtime.IsClosing || Interlocked.Exchange(ref _tickQueued, 1) == 1)
        {
            return;
        }
        _partition.Runtime.PostHousekeeping(_partition.Index, _grain.Id, this);
    }
}
