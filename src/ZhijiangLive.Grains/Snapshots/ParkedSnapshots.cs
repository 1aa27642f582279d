using System.Collections.Concurrent;

namespace ZhijiangLive.Grains.Snapshots;

/// <summary>
/// Snapshots of teachers taken as they were deactivated, waiting for the next snapshot round. A round only
/// visits active grains; a teacher that changed and then went idle would otherwise never be written.
/// </summary>
public sealed class ParkedSnapshots
{
    private readonly ConcurrentDictionary<string, TeacherSnapshot> _parked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), GroupHistorySnapshot> _histories = new();

    public void Park(GroupHistorySnapshot history) =>
        _histories.AddOrUpdate((history.Kind, history.Key), history, (_, old) => old.Version >= history.Version ? old : history);

    public List<GroupHistorySnapshot> TakeAllHistories()
    {
        var taken = new List<GroupHistorySnapshot>(_histories.Count);
        foreach (var key in _histories.Keys)
        {
            if (_histories.TryRemove(key, out var history))
            {
                taken.Add(history);
            }
        }
        return taken;
    }

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
