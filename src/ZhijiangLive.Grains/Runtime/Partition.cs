using System.Collections.Concurrent;

namespace ZhijiangLive.Grains.Runtime;

/// <summary>
/// A single-threaded worker. It owns the activations of the grains whose ids hash to it and drains
/// its multi-producer queue in batches; all grain code runs on its thread, one work item at a time.
/// </summary>
internal sealed partial class Partition
{
    private const int MaxBatch = 1024;

    [ThreadStatic]
    private static Partition? t_current;

    private readonly ConcurrentQueue<WorkItem> _queue = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Thread _thread;
    private int _sleeping;
    private volatile bool _stopping;
    private long _currentTag;
    private long _processed;

    internal Partition(GrainRuntime runtime, int index)
    {
        Runtime = runtime;
        Index = index;
        _thread = new Thread(Run) { IsBackground = true, Name = $"grain-partition-{index}" };
    }

    /// <summary>The partition whose thread is running the caller, if any.</summary>
    internal static Partition? Current => t_current;

    internal GrainRuntime Runtime { get; }

    internal int Index { get; }

    /// <summary>The flush tag of the work item being handled.</summary>
    internal long CurrentTag => _currentTag;

    internal long ProcessedWorkItems => Volatile.Read(ref _processed);

    internal void Start() => _thread.Start();

    internal void Enqueue(in WorkItem item)
    {
        _queue.Enqueue(item);
        // Pairs with the fence in WaitForWork: either the sleeper sees this item, or we see it asleep.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleeping) == 1 && Interlocked.Exchange(ref _sleeping, 0) == 1)
        {
            _wake.Release();
        }
    }

    /// <summary>Lets the thread finish what is queued, then waits for it to end.</summary>
    internal void Stop()
    {
        _stopping = true;
        if (Interlocked.Exchange(ref _sleeping, 0) == 1)
        {
            _wake.Release();
        }
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }
    }

    private void Run()
    {
        t_current = this;
        while (true)
        {
            if (!DrainBatch())
            {
                if (_stopping)
                {
                    return;
                }
                WaitForWork();
            }
        }
    }

    private bool DrainBatch()
    {
        if (!_queue.TryDequeue(out var item))
        {
            return false;
        }
        _nowTicks = Runtime.Time.GetUtcNow().UtcTicks;
        long even = 0, odd = 0, handled = 0;
        do
        {
            _currentTag = item.Tag;
            try
            {
                item.Handler.Run(this, item);
            }
            catch (Exception error)
            {
                Runtime.ReportError(item.Target, error);
            }
            if (FlushTracker.ParityOf(item.Tag) == 0) even++; else odd++;
            handled++;
        }
        while (handled < MaxBatch && _queue.TryDequeue(out item));

        // The batch's buffered sends are counted before the messages that caused them are released,
        // so a flush cannot slip through between the two.
        SendOutbox();
        Volatile.Write(ref _processed, _processed + handled);
        Runtime.Flush.Release(0, even);
        Runtime.Flush.Release(1, odd);
        return true;
    }

    private void WaitForWork()
    {
        Volatile.Write(ref _sleeping, 1);
        Interlocked.MemoryBarrier();
        if ((!_queue.IsEmpty || _stopping) && Interlocked.Exchange(ref _sleeping, 0) == 1)
        {
            return;
        }
        // Either nothing is queued, or a producer has already claimed the wake-up and will release.
        _wake.Wait();
    }
}
