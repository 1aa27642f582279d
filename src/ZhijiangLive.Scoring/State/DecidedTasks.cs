namespace ZhijiangLive.Scoring.State;

/// <summary>
/// The tasks that have paid or been refused by a day's cap, which never earn again. Kept as sorted
/// 64-bit fingerprints of their ids (8 bytes a task instead of a record and its id string) because
/// they are kept for good. Two ids sharing a fingerprint (odds about 1 in 10^17 for a teacher's tasks)
/// would make the second answer "already counted".
/// </summary>
public sealed class DecidedTasks
{
    private ulong[] _fingerprints = [];

    public int Count => _fingerprints.Length;

    /// <summary>The fingerprints in ascending order, as a snapshot records them.</summary>
    internal ReadOnlySpan<ulong> Fingerprints => _fingerprints;

    public bool Contains(string taskId) => Array.BinarySearch(_fingerprints, Fingerprint(taskId)) >= 0;

    public void Add(string taskId)
    {
        var fingerprint = Fingerprint(taskId);
        var at = Array.BinarySearch(_fingerprints, fingerprint);
        if (at >= 0)
        {
            return;
        }
        at = ~at;
        var grown = new ulong[_fingerprints.Length + 1];
        Array.Copy(_fingerprints, grown, at);
        grown[at] = fingerprint;
        Array.Copy(_fingerprints, at, grown, at + 1, _fingerprints.Length - at);
        _fingerprints = grown;
    }

    /// <summary>Takes back fingerprints a snapshot recorded; they must be ascending and distinct.</summary>
    internal void Restore(ulong[] fingerprints) => _fingerprints = fingerprints;

    /// <summary>FNV-1a over the UTF-16 code units, then a mixing finaliser: stable across processes and runs.</summary>
    public static ulong Fingerprint(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        return hash ^ (hash >> 33);
    }
}
