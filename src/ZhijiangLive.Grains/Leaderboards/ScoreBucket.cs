namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>
/// The members holding one score. Membership is an unsorted array with swap-remove, so an update is O(1)
/// even when 600,000 members share the score. The id order a query needs is cached; after changes it is
/// repaired rather than re-sorted: members that left are dropped in one pass over ints, and only those
/// that arrived are sorted and merged in.
/// </summary>
internal sealed class ScoreBucket(int score)
{
    private const int MinCapacity = 4;
    private int[] _members = new int[MinCapacity];
    private int _count;
    private int[] _order = [];   // slots in id order; may still hold members that have since left
    private int _orderCount;
    private int[] _arrived = []; // slots added since the order was last repaired; may repeat
    private int _arrivedCount;
    private bool _hasOrder;

    public int Count => _count;

    public void Add(int slot, MemberSlots slots)
    {
        if (_count == _members.Length)
        {
            Array.Resize(ref _members, _count * 2);
        }
        _members[_count] = slot;
        slots.Position(slot) = _count++;
        slots.InSortedOrder(slot) = false;
        if (_hasOrder)
        {
            if (_arrivedCount == _arrived.Length)
            {
                Array.Resize(ref _arrived, Math.Max(MinCapacity, _arrivedCount * 2));
            }
            _arrived[_arrivedCount++] = slot;
            DropOrderIfMostlyStale();
        }
    }

    public void Remove(int slot, MemberSlots slots)
    {
        var position = slots.Position(slot);
        var last = _members[--_count];
        _members[position] = last;
        slots.Position(last) = position;
        slots.InSortedOrder(slot) = false;
        if (_members.Length > MinCapacity * 4 && _count < _members.Length / 4)
        {
            Array.Resize(ref _members, _members.Length / 2);
        }
        if (_hasOrder)
        {
            DropOrderIfMostlyStale();
        }
    }

    /// <summary>The members' slots sorted by id (ordinal).</summary>
    public ReadOnlySpan<int> InIdOrder(MemberSlots slots)
    {
        if (!_hasOrder)
        {
            SortFromScratch(slots);
        }
        else if (_arrivedCount > 0 || _orderCount != _count)
        {
            Repair(slots);
        }
        return _order.AsSpan(0, _orderCount);
    }

    /// <summary>The 0-based position of a member of this bucket in its id order.</summary>
    public int IndexInIdOrder(int slot, MemberSlots slots)
    {
        var order = InIdOrder(slots);
        return slots.LowerBound(order, slots.IdOf(slot));
    }

    private void DropOrderIfMostlyStale()
    {
        // Bounds the bookkeeping to about twice the membership; the next query then sorts from scratch.
        if (_orderCount + _arrivedCount > 2 * _count + 16)
        {
            _hasOrder = false;
            _order = [];
            _arrived = [];
            _orderCount = _arrivedCount = 0;
        }
    }

    private void SortFromScratch(MemberSlots slots)
    {
        _order = _members.AsSpan(0, _count).ToArray();
        slots.SortById(_order);
        foreach (var slot in _order)
        {
            slots.InSortedOrder(slot) = true;
        }
        (_hasOrder, _orderCount, _arrivedCount) = (true, _count, 0);
    }

    private void Repair(MemberSlots slots)
    {
        // Leaving a bucket (or the board) clears the flag, so flag and score alone tell who is still here.
        var kept = 0;
        for (var i = 0; i < _orderCount; i++)
        {
            var slot = _order[i];
            if (slots.InSortedOrder(slot) && slots.Score(slot) == score)
            {
                _order[kept++] = slot;
            }
        }
        // An arrival counts once, and only if it is still here: it may have left, or arrived twice.
        var arrived = 0;
        for (var i = 0; i < _arrivedCount; i++)
        {
            var slot = _arrived[i];
            if (slots.IsLive(slot) && slots.Score(slot) == score && !slots.InSortedOrder(slot))
            {
                slots.InSortedOrder(slot) = true;
                _arrived[arrived++] = slot;
            }
        }
        slots.SortById(_arrived.AsSpan(0, arrived));
        MergeArrivals(kept, arrived, slots);
        _arrivedCount = 0;
    }

    private void MergeArrivals(int kept, int arrived, MemberSlots slots)
    {
        var total = kept + arrived;
        if (_order.Length < total)
        {
            Array.Resize(ref _order, Math.Max(total, _order.Length + _order.Length / 2));
        }
        // From the back: each arrival finds its place by binary search and the block after it moves once.
        var unplaced = kept;
        var write = total;
        for (var j = arrived - 1; j >= 0; j--)
        {
            var slot = _arrived[j];
            var insertAt = slots.LowerBound(_order.AsSpan(0, unplaced), slots.IdOf(slot));
            write -= unplaced - insertAt;
            Array.Copy(_order, insertAt, _order, write, unplaced - insertAt);
            _order[--write] = slot;
            unplaced = insertAt;
        }
        _orderCount = total;
    }
}
