namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>
/// Per-member state of a <see cref="BucketLeaderboard"/> in parallel arrays indexed by a slot number, so
/// a member costs a dictionary entry and a few array cells rather than an object of its own.
/// </summary>
internal sealed class MemberSlots
{
    private readonly Dictionary<string, int> _slotById = new(StringComparer.Ordinal);
    private readonly Stack<int> _freeSlots = new();
    private string?[] _ids = new string?[4];
    private int[] _scores = new int[4];
    private int[] _positions = new int[4];
    private bool[] _inSortedOrder = new bool[4];
    private int _used;

    public int Count => _slotById.Count;

    /// <summary>Slots 0..UsedSlots-1 have been handed out; freed ones among them are not live.</summary>
    public int UsedSlots => _used;

    public bool TryGetSlot(string id, out int slot) => _slotById.TryGetValue(id, out slot);

    public bool IsLive(int slot) => _ids[slot] is not null;

    public string IdOf(int slot) => _ids[slot]!;

    public ref int Score(int slot) => ref _scores[slot];

    /// <summary>Where the member sits in its bucket's unsorted member array.</summary>
    public ref int Position(int slot) => ref _positions[slot];

    /// <summary>Whether the member's id is in its current bucket's cached id order.</summary>
    public ref bool InSortedOrder(int slot) => ref _inSortedOrder[slot];

    public int Add(string id, int score)
    {
        if (!_freeSlots.TryPop(out var slot))
        {
            if (_used == _ids.Length)
            {
                Grow();
            }
            slot = _used++;
        }
        _ids[slot] = id;
        _scores[slot] = score;
        _inSortedOrder[slot] = false;
        _slotById.Add(id, slot);
        return slot;
    }

    public void Free(int slot)
    {
        _slotById.Remove(_ids[slot]!);
        _ids[slot] = null;
        _inSortedOrder[slot] = false;
        _freeSlots.Push(slot);
    }

    private void Grow()
    {
        var size = _ids.Length * 2;
        Array.Resize(ref _ids, size);
        Array.Resize(ref _scores, size);
        Array.Resize(ref _positions, size);
        Array.Resize(ref _inSortedOrder, size);
    }
}
