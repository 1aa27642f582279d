namespace ZhijiangLive.Grains.Runtime;

/// <summary>
/// A grain with persistent state: <see cref="State"/> is read from storage on activation (or made by
/// <see cref="CreateState"/> when storage has none) and written back when the grain deactivates.
/// </summary>
public abstract class Grain<TState> : Grain where TState : class
{
    public TState State { get; protected set; } = null!;

    internal override object? PersistentState => State;

    /// <summary>The state of a grain that storage has never seen.</summary>
    protected abstract TState CreateState();

    /// <summary>Writes the state now, as Orleans' WriteStateAsync does, rather than at deactivation only.</summary>
    protected void WriteState() => Storage.Write(Id, State);

    internal override void LoadState(IGrainStorage storage)
    {
        State = storage.Read(Id) switch
        {
            null => CreateState(),
            TState stored => stored,
            var other => throw new InvalidOperationException(
                $"Storage holds a {other.GetType().Name} for {Id}, not a {typeof(TState).Name}."),
        };
    }
}
