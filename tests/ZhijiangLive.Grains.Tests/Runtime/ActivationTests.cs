using ZhijiangLive.Grains.Runtime;

namespace ZhijiangLive.Grains.Tests.Runtime;

public sealed class ActivationTests
{
    [Fact]
    public async Task FirstMessage_ActivatesTheGrain_AndOnActivateRunsOnce()
    {
        var probe = new Probe();
        await using var runtime = Runtimes.Start().WithCounters(probe);
        Assert.Equal(0, runtime.ActiveGrainCount);

        for (int i = 0; i < 100; i++)
        {
            runtime.Tell<CounterGrain>(Runtimes.Counter("a"), static g => g.Increment());
        }
        await runtime.FlushAsync().Within();

        Assert.Equal(1, probe.Activations);
        Assert.Equal(1, runtime.ActiveGrainCount);
        Assert.Equal(100, await runtime.Ask<CounterGrain, int>(Runtimes.Counter("a"), g => g.State.Count).Within());
    }

    [Fact]
    public async Task Activation_WithStoredState_LoadsIt()
    {
        var storage = new InMemoryGrainStorage();
        storage.Write(Runtimes.Counter("a"), new CounterState { Count = 41 });
        await using var runtime = Runtimes.Start(storage: storage).WithCounters(new Probe());

        int count = await runtime.Ask<CounterGrain, int>(Runtimes.Counter("a"), g => { g.Increment(); return g.State.Count; }).Within();

        Assert.Equal(42, count);
    }

    [Fact]
    public async Task GrainFactory_GetGrain_ReachesTheGrainOfTheRegisteredKind()
    {
        await using var runtime = Runtimes.Start().WithCounters(new Probe());
        var counter = runtime.GrainFactory.GetGrain<CounterGrain>("a");

        counter.Tell(static g => g.Increment());
        await counter.Ask(static g => g.Increment()).Within();

        Assert.Equal(Runtimes.Counter("a"), counter.Id);
        Assert.Equal(2, await counter.Ask(static g => g.State.Count).Within());
    }

    [Fact]
    public async Task Ask_UnregisteredKind_Faults()
    {
        await using var runtime = Runtimes.Start();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => runtime.Ask<CounterGrain, int>(new GrainId("nobody", "a"), g => g.State.Count).Within());

        Assert.Contains("nobody", error.Message);
        Assert.Equal(0, runtime.ActiveGrainCount);
    }

    [Fact]
    public async Task OnActivate_Throwing_FaultsTheMessage_AndTheNextMessageActivatesAfresh()
    {
        int attempts = 0;
        await using var runtime = Runtimes.Start();
        runtime.Register("flaky", _ => new FlakyGrain(() => ++attempts == 1));

        await Assert.ThrowsAsync<TimeoutException>(() => runtime.Ask<FlakyGrain, int>(new GrainId("flaky", "a"), _ => 1).Within());
        Assert.Equal(0, runtime.ActiveGrainCount);

        Assert.Equal(2, await runtime.Ask<FlakyGrain, int>(new GrainId("flaky", "a"), _ => 2).Within());
        Assert.Equal(1, runtime.ActiveGrainCount);
        Assert.Equal(2, attempts);
    }

    private sealed class FlakyGrain(Func<bool> fail) : Grain
    {
        public override void OnActivate()
        {
            if (fail())
            {
                throw new TimeoutException("storage was slow");
            }
        }
    }
}
