using ZhijiangLive.Grains.Runtime;

namespace ZhijiangLive.Grains.Tests.Runtime;

public sealed class DeactivationTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly InMemoryGrainStorage _storage = new();
    private readonly Probe _probe = new();

    [Fact]
    public async Task IdleGrain_IsDeactivatedAndItsStateWritten_ThenReactivatedWithStateIntact()
    {
        await using var runtime = Runtimes.Start(time: _clock, storage: _storage).WithCounters(_probe);
        var id = Runtimes.Counter("a");
        for (int i = 0; i < 3; i++)
        {
            runtime.Tell<CounterGrain>(id, static g => g.Increment());
        }
        await runtime.FlushAsync().Within();

        _clock.Advance(TimeSpan.FromMinutes(9));
        await runtime.FlushAsync().Within();
        Assert.Equal(1, runtime.ActiveGrainCount);
        Assert.Null(_storage.Read(id));

        _clock.Advance(TimeSpan.FromMinutes(1));
        await runtime.FlushAsync().Within();
        Assert.Equal(0, runtime.ActiveGrainCount);
        Assert.Equal(1, _probe.Deactivations);
        var stored = Assert.IsType<CounterState>(_storage.Read(id));
        Assert.Equal(3, stored.Count);

        var (count, state) = await runtime.Ask<CounterGrain, (int, CounterState)>(id, g => (g.State.Count, g.State)).Within();
        Assert.Equal(3, count);
        Assert.Same(stored, state);
        Assert.Equal(2, _probe.Activations);
    }

    [Fact]
    public async Task GrainReceivingMessages_StaysActive()
    {
        await using var runtime = Runtimes.Start(time: _clock, storage: _storage).WithCounters(_probe);
        var id = Runtimes.Counter("a");

        for (int step = 0; step < 4; step++)
        {
            runtime.Tell<CounterGrain>(id, static g => g.Increment());
            await runtime.FlushAsync().Within();
            _clock.Advance(TimeSpan.FromMinutes(6));
            await runtime.FlushAsync().Within();
        }

        Assert.Equal(1, runtime.ActiveGrainCount);
        Assert.Equal(0, _probe.Deactivations);
    }

    [Fact]
    public async Task DeactivateOnIdle_DeactivatesRightAfterTheTurn()
    {
        await using var runtime = Runtimes.Start(time: _clock, storage: _storage).WithCounters(_probe);
        var id = Runtimes.Counter("a");

        await runtime.Ask<CounterGrain>(id, g => { g.Increment(); g.Leave(); }).Within();
        await runtime.FlushAsync().Within();

        Assert.Equal(0, runtime.ActiveGrainCount);
        Assert.Equal(1, Assert.IsType<CounterState>(_storage.Read(id)).Count);
        Assert.Equal(2, await runtime.Ask<CounterGrain, int>(id, g => { g.Increment(); return g.State.Count; }).Within());
    }

    [Fact]
    public async Task DeactivateAllAsync_WritesEveryActiveGrainsState()
    {
        await using var runtime = Runtimes.Start(partitions: 3, time: _clock, storage: _storage).WithCounters(_probe);
        for (int i = 0; i < 50; i++)
        {
            runtime.Tell<CounterGrain>(Runtimes.Counter($"g{i}"), static g => g.Increment());
        }

        await runtime.DeactivateAllAsync().Within();

        Assert.Equal(0, runtime.ActiveGrainCount);
        Assert.Equal(50, _storage.Count);
        Assert.Equal(50, _probe.Deactivations);
    }

    [Fact]
    public async Task DisposeAsync_PersistsEveryGrain_AndRefusesNewMessages()
    {
        var runtime = Runtimes.Start(time: _clock, storage: _storage).WithCounters(_probe);
        runtime.Tell<CounterGrain>(Runtimes.Counter("a"), static g => g.Increment());

        await runtime.DisposeAsync().AsTask().Within();

        Assert.Equal(1, Assert.IsType<CounterState>(_storage.Read(Runtimes.Counter("a"))).Count);
        Assert.Throws<ObjectDisposedException>(() => runtime.Tell<CounterGrain>(Runtimes.Counter("a"), static g => g.Increment()));
    }
}
