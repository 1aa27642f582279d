namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>
/// The members holding one score. Membership is an unsorted array with swap-remove, so an update is O(1)
/// even when 600,000 members share the score; the id order is built only when a query reaches the bucket,
/// then kept and repaired (<see cref="BucketIdOrder"/>).
/// </summary>
internal sealed class ScoreBucket(int score)
{
    private const int MinCapacity = 4;
    private int[] _members = new int[MinCapacity];
    private int _count;
    private BucketIdOrder? _order;

    public int Score => score;

    public int Count => _count;

    public void Add(int slot, SlotLane slots)
    {
        GrowableArray.Append(ref _members, ref _count, slot);
        slots.Position(slot) = _count - 1;
        slots.InSortedOrder(slot) = false;
        _order?.NoteArrival(slot);
        DropOrderIfMostlyStale();
    }

    public void Remove(int slot, SlotLane slots)
    {
        var position = slots.Position(slot);
        var last = _members[--_count];
        _members[position] = last;
        slots.Position(last) = position;
        if (_members.Length > MinCapacity * 4 && _count < _members.Length / 4)
        {
            Array.Resize(ref _members, _members.Length / 2);
        }
        if (slots.InSortedOrder(slot))
        {
            _order?.NoteDeparture(slots.IdOf(slot));
            slots.InSortedOrder(slot) = false;
        }
        DropOrderIfMostlyStale();
    }

    /// <summary>The members' ids in ordinal order.</summary>
    public ReadOnlySpan<string> InIdOrder(SlotLane slots) =>
        (_order ??= BucketIdOrder.Sort(_members.AsSpan(0, _count), slots)).Current(score, slots);

    /// <summary>The 0-based position of a member of this bucket in its id order.</summary>
    public int IndexInIdOrder(int slot, SlotLane slots) =>
        InIdOrder(slots).BinarySearch(slots.IdOf(slot), StringComparer.Ordinal);

    private void DropOrderIfMostlyStale()
    {
        // Bounds the bookkeeping by the membership; past that a fresh sort is about as cheap as a repair.
        if (_order is not null && _order.PendingChanges > _count + 16)
        {
            _order = null;
        }
    }
}
