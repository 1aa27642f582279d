using System.Collections.Concurrent;

namespace ZhijiangLive.Grains.Runtime;

/// <summary>
/// Grain storage in a dictionary, for tests and for running without a database. It keeps the state
/// object itself, not a copy: a reactivated grain gets the very instance it left behind.
/// </summary>
public sealed class InMemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, object> _states = new();

    public int Count => _states.Count;

    public object? Read(GrainId id) => _states.TryGetValue(id, out var state) ? state : null;

    public void Write(GrainId id, object state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _states[id] = state;
    }
}
