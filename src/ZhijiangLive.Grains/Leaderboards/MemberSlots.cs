namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>
/// The members of one or more rankings over the same membership, by slot number: the id-to-slot map and the
/// ids are shared, and each ranking (a lane) keeps a <see cref="LaneCell"/> per slot. A slot's cells lie side by
/// side, so an update of every lane costs one look-up of the id and, mostly, one cache line of cells.
/// </summary>
internal sealed class MemberSlots(int lanes)
{
    private readonly Dictionary<string, int> _slotById = new(StringComparer.Ordinal);
    private readonly Stack<int> _freeSlots = new();
    private string?[] _ids = new string?[4];
    private LaneCell[] _cells = new LaneCell[4 * lanes];
    private int _used;

    public int Count => _slotById.Count;

    /// <summary>Slots 0..UsedSlots-1 have been handed out; freed ones among them are not live.</summary>
    public int UsedSlots => _used;

    public bool TryGetSlot(string id, out int slot) => _slotById.TryGetValue(id, out slot);

    public bool IsLive(int slot) => _ids[slot] is not null;

    public string IdOf(int slot) => _ids[slot]!;

    public ref LaneCell Cell(int slot, int lane) => ref _cells[slot * lanes + lane];

    /// <summary>A slot for a new member, its cells cleared: every lane must place it before it is read.</summary>
    public int Add(string id)
    {
        if (!_freeSlots.TryPop(out var slot))
        {
            if (_used == _ids.Length)
            {
                Array.Resize(ref _ids, _ids.Length * 2);
                Array.Resize(ref _cells, _ids.Length * lanes);
            }
            slot = _used++;
        }
        _ids[slot] = id;
        _cells.AsSpan(slot * lanes, lanes).Clear();
        _slotById.Add(id, slot);
        return slot;
    }

    public void Free(int slot)
    {
        _slotById.Remove(_ids[slot]!);
        _ids[slot] = null;
        _cells.AsSpan(slot * lanes, lanes).Clear();
        _freeSlots.Push(slot);
    }
}

/// <summary>A member's place in one lane: its score, where it sits in its bucket, and whether the bucket's cached id order has it.</summary>
internal struct LaneCell
{
    public int Score;
    public int Position;
    public bool InSortedOrder;
}

/// <summary>One lane of a <see cref="MemberSlots"/>, as the buckets of that lane's ranking see it.</summary>
internal sealed class SlotLane(MemberSlots slots, int lane)
{
    public int UsedSlots => slots.UsedSlots;

    public bool IsLive(int slot) => slots.IsLive(slot);

    public string IdOf(int slot) => slots.IdOf(slot);

    public ref int Score(int slot) => ref slots.Cell(slot, lane).Score;

    /// <summary>Where the member sits in its bucket's unsorted member array.</summary>
    public ref int Position(int slot) => ref slots.Cell(slot, lane).Position;

    /// <summary>Whether the member's id is in its current bucket's cached id order.</summary>
    public ref bool InSortedOrder(int slot) => ref slots.Cell(slot, lane).InSortedOrder;
}
