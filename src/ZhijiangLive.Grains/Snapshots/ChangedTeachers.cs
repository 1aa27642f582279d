using System.Collections.Concurrent;

namespace ZhijiangLive.Grains.Snapshots;

/// <summary>
/// The teachers changed since their last snapshot, as their grains report themselves: a snapshot round asks
/// only these, not every active teacher. A teacher is listed once until its next snapshot is taken.
/// </summary>
public sealed class ChangedTeachers
{
    private ConcurrentQueue<string> _ids = new();

    public int Count => _ids.Count;

    public void Add(string teacherId) => _ids.Enqueue(teacherId);

    public List<string> TakeAll() => [.. Interlocked.Exchange(ref _ids, new ConcurrentQueue<string>())];
}
