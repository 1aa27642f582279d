namespace ZhijiangLive.Grains.Runtime;

/// <summary>
/// The base of every grain. A grain is activated on its first message, handles one message at a time
/// on its partition's thread (so its code needs no locks), and is deactivated when idle.
/// Initialise in <see cref="OnActivate"/>, not in the constructor: <see cref="Id"/> and
/// <see cref="Runtime"/> are set after the factory returns.
/// </summary>
public abstract class Grain
{
    private GrainRuntime? _runtime;
    private Partition? _partition;
    private List<GrainTimer>? _timers;

    public GrainId Id { get; private set; }

    protected GrainRuntime Runtime => _runtime ?? throw NotActivated();

    protected GrainFactory GrainFactory => Runtime.GrainFactory;

    internal IGrainStorage Storage => Runtime.Storage;

    internal bool DeactivationRequested { get; private set; }

    /// <summary>When the grain last handled a message, in UTC ticks of the runtime's clock.</summary>
    internal long LastActiveTicks { get; set; }

    /// <summary>What the runtime writes to storage on deactivation; null for a grain without state.</summary>
    internal virtual object? PersistentState => null;

    public virtual void OnActivate() { }

    public virtual void OnDeactivate() { }

    /// <summary>
    /// Runs <paramref name="callback"/> as a turn of this grain after <paramref name="dueTime"/>, then every
    /// <paramref name="period"/> (<see cref="Timeout.InfiniteTimeSpan"/> for once). Ticks do not keep the grain
    /// from idle deactivation, which disposes its timers; a tick that falls due while the previous one is
    /// still queued is dropped rather than piled up.
    /// </summary>
    protected IDisposable RegisterTimer(Action callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var partition = _partition ?? throw NotActivated();
        if (Partition.Current != partition)
        {
            throw new InvalidOperationException($"Grain {Id} can register timers only from its own turns.");
        }
        _timers ??= [];
        _timers.RemoveAll(static timer => timer.IsDisposed);
        var created = new GrainTimer(this, partition, callback, dueTime, period);
        _timers.Add(created);
        return created;
    }

    /// <summary>Asks the runtime to deactivate this grain as soon as the current turn ends.</summary>
    protected void DeactivateOnIdle() => DeactivationRequested = true;

    internal void Bind(GrainId id, GrainRuntime runtime, Partition partition)
    {
        if (_runtime is not null)
        {
            throw new InvalidOperationException($"The factory for {id} returned an instance that is already in use.");
        }
        Id = id;
        _runtime = runtime;
        _partition = partition;
    }

    internal virtual void LoadState(IGrainStorage storage) { }

    internal void DisposeTimers()
    {
        if (_timers is null)
        {
            return;
        }
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }
        _timers = null;
    }

    private InvalidOperationException NotActivated() =>
        new($"{GetType().Name} is not activated; use OnActivate, not the constructor, to initialise a grain.");
}
