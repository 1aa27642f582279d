using System.Collections.Concurrent;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Teachers;

namespace ZhijiangLive.Grains.Snapshots;

/// <summary>
/// Teachers' states read from snapshots at start-up, each taken by its grain when it activates. A restart
/// activates none of them: their schools hear their standing from the state itself
/// (<see cref="Cluster.ZhijiangCluster.AnnounceAllTeachersAsync"/>), and a grain wakes when first needed.
/// </summary>
public sealed class RestoredTeachers
{
    private readonly ConcurrentDictionary<string, TeacherGrainState> _states = new(StringComparer.Ordinal);

    public int Count => _states.Count;

    public void Put(TeacherGrainState state) => _states[state.Scores.TeacherId] = state;

    public TeacherGrainState? Take(string teacherId) => _states.TryRemove(teacherId, out var state) ? state : null;

    public bool Contains(string teacherId) => _states.ContainsKey(teacherId);

    /// <summary>True if the teacher's restored state has this very roster entry, so its grain need not hear it.</summary>
    public bool Holds(TeacherEntry entry) => _states.TryGetValue(entry.Id, out var state) && state.Entry == entry;

    /// <summary>Forgets every state no grain has taken: once another silo may have written newer ones, the stored rows are the ones to read.</summary>
    public void Clear() => _states.Clear();

    /// <summary>The states no grain has taken yet.</summary>
    public IEnumerable<TeacherGrainState> Waiting => _states.Values;
}
