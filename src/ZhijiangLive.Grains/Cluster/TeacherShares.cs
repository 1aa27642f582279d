namespace ZhijiangLive.Grains.Cluster;

/// <summary>
/// A batch's events grouped by teacher, each teacher's in batch order: one dictionary entry per teacher and
/// a chain through one array of indices, rather than a list per teacher. Shuffled traffic has a teacher per
/// event, so a list each was most of what the facade allocated per batch.
/// </summary>
internal sealed class TeacherShares
{
    private readonly Dictionary<string, int> _shareOf;
    private readonly int[] _next;
    private readonly Share[] _shares;

    public TeacherShares(int capacity)
    {
        _shareOf = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _next = new int[capacity];
        _shares = new Share[capacity];
    }

    /// <summary>The teachers in the batch so far; shares are numbered 0 to Count − 1 in order of first event.</summary>
    public int Count { get; private set; }

    /// <summary>Puts batch event <paramref name="index"/> (larger than every index added before) in its teacher's share.</summary>
    public void Add(string teacherId, int index)
    {
        _next[index] = -1;
        if (_shareOf.TryGetValue(teacherId, out var number))
        {
            ref var share = ref _shares[number];
            _next[share.Last] = index;
            share = share with { Last = index, Size = share.Size + 1 };
            return;
        }
        _shareOf.Add(teacherId, Count);
        _shares[Count++] = new Share(teacherId, index, index, 1);
    }

    public string TeacherOf(int share) => _shares[share].TeacherId;

    public int SizeOf(int share) => _shares[share].Size;

    /// <summary>The batch indices of a share's events, in order.</summary>
    public Indices IndicesOf(int share) => new(_next, _shares[share].First);

    private readonly record struct Share(string TeacherId, int First, int Last, int Size);

    /// <summary>Walks one share's chain without allocating.</summary>
    public struct Indices(int[] next, int first)
    {
        private int _current = -1;
        private bool _started;

        public readonly int Current => _current;

        public bool MoveNext()
        {
            _current = _started ? next[_current] : first;
            _started = true;
            return _current >= 0;
        }

        public readonly Indices GetEnumerator() => this;
    }
}
