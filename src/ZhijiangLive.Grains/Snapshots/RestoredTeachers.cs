using System.Collections.Concurrent;
using ZhijiangLive.Grains.Teachers;

namespace ZhijiangLive.Grains.Snapshots;

/// <summary>Teachers' states read from snapshots at start-up, each taken by its grain when it activates.</summary>
public sealed class RestoredTeachers
{
    private readonly ConcurrentDictionary<string, TeacherGrainState> _states = new(StringComparer.Ordinal);

    public int Count => _states.Count;

    public void Put(TeacherGrainState state) => _states[state.Scores.TeacherId] = state;

    public TeacherGrainState? Take(string teacherId) => _states.TryRemove(teacherId, out var state) ? state : null;
}
