using System.Collections.Concurrent;

namespace ZhijiangLive.Grains.Snapshots;

/// <summary>
/// Snapshots of teachers taken as they were deactivated, waiting for the next snapshot round. A round only
/// visits active grains; a teacher that changed and then went idle would otherwise never be written.
/// </summary>
public sealed class ParkedSnapshots
{
    private readonly ConcurrentDictionary<string, TeacherSnapshot> _parked = new(StringComparer.Ordinal);

    public void Park(TeacherSnapshot snapshot) =>
        _parked.AddOrUpdate(snapshot.TeacherId, snapshot, (_, old) => old.Version >= snapshot.Version ? old : snapshot);

    public List<TeacherSnapshot> TakeAll()
    {
        var taken = new List<TeacherSnapshot>(_parked.Count);
        foreach (var id in _parked.Keys)
        {
            if (_parked.TryRemove(id, out var snapshot))
            {
                taken.Add(snapshot);
            }
        }
        return taken;
    }
}
