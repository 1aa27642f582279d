namespace ZhijiangLive.Grains.Runtime;

/// <summary>The partition's activations: activation on first message, end of turn, deactivation.</summary>
internal sealed partial class Partition
{
    private readonly Dictionary<GrainId, Grain> _grains = [];
    private readonly Outbox _outbox = new();
    private long _nowTicks;
    private int _activeCount;

    internal int ActiveCount => Volatile.Read(ref _activeCount);

    internal Outbox Outbox => _outbox;

    /// <summary>The grain for a message turn, activated if need be; the turn counts as activity.</summary>
    internal TGrain Activate<TGrain>(GrainId id) where TGrain : Grain
    {
        if (!_grains.TryGetValue(id, out var grain))
        {
            grain = ActivateNew(id);
        }
        grain.LastActiveTicks = _nowTicks;
        return grain as TGrain ?? throw new InvalidOperationException(
            $"Grain {id} is a {grain.GetType().Name}, not a {typeof(TGrain).Name}.");
    }

    internal IEnumerable<Grain> ActiveGrains => _grains.Values;

    internal bool IsActive(Grain grain) =>
        _grains.TryGetValue(grain.Id, out var current) && ReferenceEquals(current, grain);

    internal void EndTurn(Grain grain)
    {
        if (grain.DeactivationRequested)
        {
            Deactivate(grain);
        }
    }

    internal void DeactivateIdle(long nowTicks, long idleTicks)
    {
        var idle = new List<Grain>();
        foreach (var grain in _grains.Values)
        {
            if (nowTicks - grain.LastActiveTicks >= idleTicks)
            {
                idle.Add(grain);
            }
        }
        idle.ForEach(Deactivate);
    }

    internal void DeactivateAll() => _grains.Values.ToList().ForEach(Deactivate);

    private Grain ActivateNew(GrainId id)
    {
        var grain = Runtime.CreateGrain(id);
        grain.Bind(id, Runtime, this);
        grain.LastActiveTicks = _nowTicks;
        try
        {
            grain.LoadState(Runtime.Storage);
            grain.OnActivate();
        }
        catch
        {
            grain.DisposeTimers();
            throw;
        }
        _grains.Add(id, grain);
        Volatile.Write(ref _activeCount, _grains.Count);
        return grain;
    }

    /// <summary>OnDeactivate, then the state to storage, then the activation is gone.</summary>
    private void Deactivate(Grain grain)
    {
        if (!IsActive(grain))
        {
            return;
        }
        _grains.Remove(grain.Id);
        Volatile.Write(ref _activeCount, _grains.Count);
        try
        {
            grain.OnDeactivate();
        }
        catch (Exception error)
        {
            Runtime.ReportError(grain.Id, error);
        }
        grain.DisposeTimers();
        if (grain.PersistentState is { } state)
        {
            try
            {
                Runtime.Storage.Write(grain.Id, state);
            }
            catch (Exception error)
            {
                Runtime.ReportError(grain.Id, error);
            }
        }
    }

    private void SendOutbox() => _outbox.Send(Runtime);
}
