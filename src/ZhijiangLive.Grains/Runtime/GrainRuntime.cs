using System.Collections.Concurrent;

namespace ZhijiangLive.Grains.Runtime;

/// <summary>
/// Hosts grains with Orleans' semantics on a fixed set of single-threaded partitions: the hash of a
/// grain's id picks its partition, which activates the grain on its first message, runs its messages
/// one at a time, deactivates it when idle and persists its state through <see cref="IGrainStorage"/>.
/// Time comes only from the given <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class GrainRuntime : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<GrainId, Grain>> _factories = new();
    private readonly ConcurrentDictionary<Type, string?> _kindsByType = new();
    private readonly Partition[] _partitions;
    private readonly PartitionAction _idleScan;
    private readonly ITimer? _idleScanTimer;
    private long _unhandledErrors;
    private volatile bool _closing;
    private volatile bool _stopped;
    private int _disposed;

    public GrainRuntime(GrainRuntimeOptions options, IGrainStorage storage, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Partitions, 1, nameof(options.Partitions));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.IdleDeactivationAfter, TimeSpan.Zero, nameof(options.IdleDeactivationAfter));
        Options = options;
        Storage = storage;
        Time = time;
        GrainFactory = new GrainFactory(this);
        _idleScan = new PartitionAction(
            partition => partition.DeactivateIdle(Time.GetUtcNow().UtcTicks, Options.IdleDeactivationAfter.Ticks), tracked: false);
        _partitions = new Partition[options.Partitions];
        for (int i = 0; i < _partitions.Length; i++)
        {
            _partitions[i] = new Partition(this, i);
            _partitions[i].Start();
        }
        if (options.IdleScanInterval != Timeout.InfiniteTimeSpan)
        {
            _idleScanTimer = time.CreateTimer(
                static state => ((GrainRuntime)state!).ScanIdle(), this, options.IdleScanInterval, options.IdleScanInterval);
        }
    }

    /// <summary>
    /// An exception from a Tell, TellMany, buffered delivery, timer callback, OnDeactivate or storage
    /// write, raised on the partition thread; the partition carries on with its next message.
    /// </summary>
    public event Action<GrainId, Exception>? UnhandledError;

    public long UnhandledErrorCount => Interlocked.Read(ref _unhandledErrors);

    public GrainRuntimeOptions Options { get; }

    public GrainFactory GrainFactory { get; }

    public int ActiveGrainCount => _partitions.Sum(partition => partition.ActiveCount);

    internal IGrainStorage Storage { get; }

    /// <summary>Set by DisposeAsync: callers outside grain code are refused and timers stop ticking.</summary>
    internal bool IsClosing => _closing;

    internal TimeProvider Time { get; }

    internal FlushTracker Flush { get; } = new();

    internal long ProcessedWorkItems => _partitions.Sum(partition => partition.ProcessedWorkItems);

    public void Register<TGrain>(string kind, Func<GrainId, TGrain> factory) where TGrain : Grain
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_factories.TryAdd(kind, id => factory(id)))
        {
            throw new InvalidOperationException($"Grain kind '{kind}' is already registered.");
        }
        // A type registered under two kinds has no single kind for GrainFactory.GetGrain<T>(key).
        _kindsByType.AddOrUpdate(typeof(TGrain), kind, static (_, _) => null);
    }

    public int PartitionOf(GrainId id) => StableHash.PartitionOf(id, _partitions.Length);

    /// <summary>
    /// Completes when every message enqueued before the call, and every message those send in turn
    /// (buffered sends included), has been handled. Timer ticks and idle scans count as messages.
    /// </summary>
    public Task FlushAsync() => Flush.FlushAsync();

    internal string KindOf(Type grainType) => _kindsByType.TryGetValue(grainType, out var kind)
        ? kind ?? throw new InvalidOperationException($"{grainType.Name} is registered under several kinds; name the kind.")
        : throw new InvalidOperationException($"{grainType.Name} is not registered.");

    internal Grain CreateGrain(GrainId id)
    {
        if (!_factories.TryGetValue(id.Kind, out var factory))
        {
            throw new InvalidOperationException($"No grain kind '{id.Kind}' is registered (message for {id}).");
        }
        return factory(id) ?? throw new InvalidOperationException($"The factory for kind '{id.Kind}' returned null.");
    }

    internal void ReportError(GrainId id, Exception error)
    {
        Interlocked.Increment(ref _unhandledErrors);
        try
        {
            UnhandledError?.Invoke(id, error);
        }
        catch (Exception)
        {
            // A failing error handler must not take the partition thread down with it.
        }
    }
}
