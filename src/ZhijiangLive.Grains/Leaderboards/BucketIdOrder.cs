namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>
/// A bucket's member ids in ordinal order, kept from one query to the next. Between queries it only
/// records what changed; a query then repairs it: the ids that left are found by binary search and cut
/// out, the members that arrived are sorted among themselves and merged in. Nothing visits every member,
/// which matters for the 0 bucket at the start of a day. A member's InSortedOrder flag says its id is here.
/// </summary>
internal sealed class BucketIdOrder
{
    private string[] _ids;
    private int _count;
    private string[] _departed = []; // ids here whose members have left since the last repair
    private int _departedCount;
    private int[] _arrived = [];     // slots added since; an entry may have left again, or repeat
    private int _arrivedCount;

    private BucketIdOrder(string[] ids) => (_ids, _count) = (ids, ids.Length);

    public int PendingChanges => _departedCount + _arrivedCount;

    public static BucketIdOrder Sort(ReadOnlySpan<int> members, SlotLane slots)
    {
        var ids = new string[members.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = slots.IdOf(members[i]);
            slots.InSortedOrder(members[i]) = true;
        }
        Array.Sort(ids, StringComparer.Ordinal);
        return new BucketIdOrder(ids);
    }

    public void NoteArrival(int slot) => GrowableArray.Append(ref _arrived, ref _arrivedCount, slot);

    public void NoteDeparture(string id) => GrowableArray.Append(ref _departed, ref _departedCount, id);

    /// <summary>The order after applying the recorded changes; <paramref name="score"/> is the bucket's.</summary>
    public ReadOnlySpan<string> Current(int score, SlotLane slots)
    {
        if (_departedCount > 0)
        {
            CutDeparted();
        }
        if (_arrivedCount > 0)
        {
            MergeArrivals(score, slots);
        }
        return _ids.AsSpan(0, _count);
    }

    private void CutDeparted()
    {
        var cuts = new int[_departedCount];
        for (var i = 0; i < cuts.Length; i++)
        {
            cuts[i] = _ids.AsSpan(0, _count).BinarySearch(_departed[i], StringComparer.Ordinal);
        }
        Array.Sort(cuts);
        var write = cuts[0];
        for (var i = 0; i < cuts.Length; i++)
        {
            var keepFrom = cuts[i] + 1;
            var keepTo = i + 1 < cuts.Length ? cuts[i + 1] : _count;
            Array.Copy(_ids, keepFrom, _ids, write, keepTo - keepFrom);
            write += keepTo - keepFrom;
        }
        Array.Clear(_ids, write, _count - write);
        Array.Clear(_departed, 0, _departedCount);
        (_count, _departedCount) = (write, 0);
    }

    private void MergeArrivals(int score, SlotLane slots)
    {
        // An arrival counts once, and only if it is still here: it may have left again, or arrived twice.
        var arrivals = new List<string>(_arrivedCount);
        foreach (var slot in _arrived.AsSpan(0, _arrivedCount))
        {
            if (slots.IsLive(slot) && slots.Score(slot) == score && !slots.InSortedOrder(slot))
            {
                slots.InSortedOrder(slot) = true;
                arrivals.Add(slots.IdOf(slot));
            }
        }
        _arrivedCount = 0;
        arrivals.Sort(StringComparer.Ordinal);
        var total = _count + arrivals.Count;
        if (_ids.Length < total)
        {
            Array.Resize(ref _ids, Math.Max(total, _ids.Length + _ids.Length / 2));
        }
        // From the back: each arrival finds its place by binary search and the block after it moves once.
        var (unplaced, write) = (_count, total);
        for (var j = arrivals.Count - 1; j >= 0; j--)
        {
            var insertAt = ~_ids.AsSpan(0, unplaced).BinarySearch(arrivals[j], StringComparer.Ordinal);
            write -= unplaced - insertAt;
            Array.Copy(_ids, insertAt, _ids, write, unplaced - insertAt);
            _ids[--write] = arrivals[j];
            unplaced = insertAt;
        }
        _count = total;
    }
}
