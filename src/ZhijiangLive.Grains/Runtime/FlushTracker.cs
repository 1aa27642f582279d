namespace ZhijiangLive.Grains.Runtime;

/// <summary>
/// Makes FlushAsync a barrier that also ends under constant load. Every message carries an epoch tag:
/// a message from outside grain code takes the current epoch; a message sent by grain code inherits
/// the tag of the message being handled, so a whole causal chain counts towards the epoch of its
/// first message. A flush bumps the epoch and waits until no message of the old epoch is
/// outstanding, that is, enqueued but not yet handled (a message stays outstanding until the
/// messages it sent are counted). Flushes run one at a time, so only two epochs are ever live and
/// two counters, indexed by the epoch's parity, suffice; callers that arrive during a flush share
/// the next one.
/// </summary>
internal sealed class FlushTracker
{
    private const int Stride = 16;   // the two counters sit on separate cache lines

    private readonly object _gate = new();
    private readonly long[] _outstanding = new long[2 * Stride];
    private long _epoch;
    private long _flushingEpoch;
    private TaskCompletionSource? _flushing;
    private TaskCompletionSource? _next;

    internal static int ParityOf(long tag) => (int)(tag & 1);

    /// <summary>Counts a message from outside grain code and returns its tag.</summary>
    internal long EnterExternal()
    {
        while (true)
        {
            long epoch = Volatile.Read(ref _epoch);
            Interlocked.Increment(ref Counter(ParityOf(epoch)));
            // The increment is a full fence, as is a flush's bump of the epoch before it reads the
            // counter: either that flush sees this message, or this re-read sees its bump and the
            // message moves to the new epoch.
            if (Volatile.Read(ref _epoch) == epoch)
            {
                return epoch;
            }
            Release(ParityOf(epoch), 1);
        }
    }

    /// <summary>Counts a message sent while a message tagged <paramref name="tag"/> is outstanding.</summary>
    internal void EnterChild(long tag) => Interlocked.Increment(ref Counter(ParityOf(tag)));

    internal void Release(int parity, long count)
    {
        // Reading _flushing after the decrement mirrors Start, which writes it before reading the counter.
        if (count != 0 && Interlocked.Add(ref Counter(parity), -count) == 0 && Volatile.Read(ref _flushing) is not null)
        {
            lock (_gate)
            {
                TryComplete();
            }
        }
    }

    internal Task FlushAsync()
    {
        lock (_gate)
        {
            if (_flushing is not null)
            {
                return (_next ??= NewCompletion()).Task;
            }
            var flush = NewCompletion();
            Start(flush);
            TryComplete();
            return flush.Task;
        }
    }

    private void Start(TaskCompletionSource flush)
    {
        Volatile.Write(ref _flushing, flush);
        _flushingEpoch = Interlocked.Increment(ref _epoch) - 1;
    }

    private void TryComplete()
    {
        while (_flushing is not null && Volatile.Read(ref Counter(ParityOf(_flushingEpoch))) == 0)
        {
            var done = _flushing;
            Volatile.Write(ref _flushing, null);
            done.TrySetResult();
            if (_next is not null)
            {
                Start(_next);
                _next = null;
            }
        }
    }

    private ref long Counter(int parity) => ref _outstanding[parity * Stride];

    private static TaskCompletionSource NewCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
