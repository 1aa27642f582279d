namespace ZhijiangLive.Grains.Runtime;

/// <summary>
/// A partition's buffered sends for the batch it is draining. Items for the same target and the same
/// deliver delegate are gathered into one list and sent as one message when the batch ends.
/// </summary>
internal sealed class Outbox
{
    private readonly Dictionary<(GrainId Target, Delegate Deliver), BufferedDelivery> _byTarget = [];
    private readonly List<BufferedDelivery> _inOrder = [];

    internal void Add<TGrain, TItem>(GrainId target, TItem item, Action<TGrain, IReadOnlyList<TItem>> deliver, long tag)
        where TGrain : Grain
    {
        if (!_byTarget.TryGetValue((target, deliver), out var delivery))
        {
            delivery = new BufferedDelivery<TGrain, TItem>(target, deliver, tag);
            _byTarget.Add((target, deliver), delivery);
            _inOrder.Add(delivery);
        }
        // Delegate equality includes the delegate type, so the entry has these type arguments.
        ((BufferedDelivery<TGrain, TItem>)delivery).Add(item, tag);
    }

    internal void Send(GrainRuntime runtime)
    {
        if (_inOrder.Count == 0)
        {
            return;
        }
        foreach (var delivery in _inOrder)
        {
            runtime.PostChild(delivery.Target, delivery, delivery.Tag);
        }
        _inOrder.Clear();
        _byTarget.Clear();
    }
}

/// <summary>One coalesced list on its way to its target grain; it is its own work handler.</summary>
internal abstract class BufferedDelivery(GrainId target, long tag) : WorkHandler
{
    internal GrainId Target { get; } = target;

    /// <summary>The oldest flush tag among the items, so that every flush waiting on one of them waits on the list.</summary>
    internal long Tag { get; private protected set; } = tag;
}

internal sealed class BufferedDelivery<TGrain, TItem>(GrainId target, Action<TGrain, IReadOnlyList<TItem>> deliver, long tag)
    : BufferedDelivery(target, tag) where TGrain : Grain
{
    private readonly List<TItem> _items = [];

    internal void Add(TItem item, long tag)
    {
        _items.Add(item);
        Tag = Math.Min(Tag, tag);
    }

    internal override void Run(Partition partition, in WorkItem item)
    {
        var grain = partition.Activate<TGrain>(Target);
        try
        {
            deliver(grain, _items);
        }
        finally
        {
            partition.EndTurn(grain);
        }
    }
}
