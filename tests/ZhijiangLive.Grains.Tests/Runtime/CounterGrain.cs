using ZhijiangLive.Grains.Runtime;

namespace ZhijiangLive.Grains.Tests.Runtime;

/// <summary>A counter whose increment is a deliberately racy read-modify-write with an overlap detector.</summary>
public sealed class CounterGrain(Probe probe) : Grain<CounterState>
{
    private int _inside;
    private IDisposable? _timer;

    public int ThreadId => Environment.CurrentManagedThreadId;

    public override void OnActivate() => Interlocked.Increment(ref probe.Activations);

    public override void OnDeactivate() => Interlocked.Increment(ref probe.Deactivations);

    public void Increment()
    {
        if (Interlocked.Increment(ref _inside) != 1)
        {
            Interlocked.Increment(ref probe.Overlaps);
        }
        int seen = State.Count;
        Thread.SpinWait(20);   // widens the window a second, concurrent turn would need to lose an update
        State.Count = seen + 1;
        Interlocked.Decrement(ref _inside);
    }

    public void Record(int value) => State.Seen.Add(value);

    public void Leave() => DeactivateOnIdle();

    public void StartTicking(TimeSpan period) => _timer = RegisterTimer(Tick, period, period);

    public void StopTicking() => _timer?.Dispose();

    public void Forward(GrainId next) => Runtime.Tell<CounterGrain>(next, static g => g.Increment());

    private void Tick()
    {
        Increment();
        Volatile.Write(ref probe.TickThreadId, Environment.CurrentManagedThreadId);
        Interlocked.Increment(ref probe.Ticks);
    }

    protected override CounterState CreateState() => new();
}
