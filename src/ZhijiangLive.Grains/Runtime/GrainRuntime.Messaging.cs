namespace ZhijiangLive.Grains.Runtime;

/// <summary>Sending messages to grains: from callers outside the runtime and from grain code.</summary>
public sealed partial class GrainRuntime
{
    /// <summary>Runs <paramref name="call"/> as a turn of the grain; the task carries its result or exception.</summary>
    public Task<TResult> Ask<TGrain, TResult>(GrainId id, Func<TGrain, TResult> call) where TGrain : Grain
    {
        ArgumentNullException.ThrowIfNull(call);
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(PartitionOf(id), id, AskHandler<TGrain, TResult>.Instance, call, done);
        return done.Task;
    }

    /// <summary>Ask without a result: the same turn, with nothing to hand back but completion or the exception.</summary>
    public Task Ask<TGrain>(GrainId id, Action<TGrain> call) where TGrain : Grain
    {
        ArgumentNullException.ThrowIfNull(call);
        return Ask<TGrain, bool>(id, grain =>
        {
            call(grain);
            return true;
        });
    }

    /// <summary>Fire and forget; an exception goes to <see cref="UnhandledError"/>.</summary>
    public void Tell<TGrain>(GrainId id, Action<TGrain> call) where TGrain : Grain
    {
        ArgumentNullException.ThrowIfNull(call);
        Post(PartitionOf(id), id, TellHandler<TGrain>.Instance, call, null);
    }

    /// <summary>
    /// Delivers each item to the grain of <paramref name="kind"/> keyed by <paramref name="keyOf"/>, as one
    /// work item per partition; items for the same grain arrive in list order.
    /// </summary>
    public void TellMany<TGrain, TItem>(string kind, IReadOnlyList<TItem> items, Func<TItem, string> keyOf, Action<TGrain, TItem> deliver)
        where TGrain : Grain
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentNullException.ThrowIfNull(deliver);
        var batches = new TellManyBatch<TGrain, TItem>?[_partitions.Length];
        int capacity = items.Count / _partitions.Length + 16;
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            string key = keyOf(item);
            int partition = PartitionOf(new GrainId(kind, key));
            (batches[partition] ??= new TellManyBatch<TGrain, TItem>(kind, deliver, capacity)).Add(key, item);
        }
        for (int partition = 0; partition < batches.Length; partition++)
        {
            if (batches[partition] is { } batch)
            {
                Post(partition, default, batch, null, null);
            }
        }
    }

    /// <summary>
    /// From grain code: items sent to the same target with the same <paramref name="deliver"/> delegate
    /// during one drained batch of this partition arrive as one list, once, after the batch. Pass a
    /// static lambda or a method group so that the delegates compare equal. Called from outside grain
    /// code, the item is delivered at once as a list of one.
    /// </summary>
    public void SendBuffered<TGrain, TItem>(GrainId target, TItem item, Action<TGrain, IReadOnlyList<TItem>> deliver)
        where TGrain : Grain
    {
        ArgumentNullException.ThrowIfNull(deliver);
        if (Partition.Current is { } current && current.Runtime == this)
        {
            current.Outbox.Add(target, item, deliver, current.CurrentTag);
            return;
        }
        var single = new BufferedDelivery<TGrain, TItem>(target, deliver, tag: 0);
        single.Add(item, tag: 0);
        Post(PartitionOf(target), target, single, null, null);
    }

    /// <summary>A message from grain code belongs to the flush epoch of the message that caused it.</summary>
    internal void PostChild(GrainId target, WorkHandler handler, long tag)
    {
        Flush.EnterChild(tag);
        _partitions[PartitionOf(target)].Enqueue(new WorkItem(target, handler, null, null, tag));
    }

    /// <summary>Timer ticks, idle scans and deactivation rounds, which still run while the runtime closes.</summary>
    internal void PostHousekeeping(int partition, GrainId target, WorkHandler handler)
    {
        _partitions[partition].Enqueue(new WorkItem(target, handler, null, null, Flush.EnterExternal()));
    }

    private void Post(int partition, GrainId target, WorkHandler handler, object? arg, object? extra)
    {
        long tag;
        if (Partition.Current is { } current && current.Runtime == this)
        {
            tag = current.CurrentTag;
            Flush.EnterChild(tag);
        }
        else
        {
            ObjectDisposedException.ThrowIf(_closing, this);
            tag = Flush.EnterExternal();
        }
        _partitions[partition].Enqueue(new WorkItem(target, handler, arg, extra, tag));
    }
}
