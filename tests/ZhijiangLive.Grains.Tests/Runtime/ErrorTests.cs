using System.Collections.Concurrent;
using ZhijiangLive.Grains.Runtime;

namespace ZhijiangLive.Grains.Tests.Runtime;

public sealed class ErrorTests
{
    private readonly Probe _probe = new();

    [Fact]
    public async Task Ask_GrainThrows_FaultsTheCallersTaskWithThatException_AndThePartitionKeepsServing()
    {
        await using var runtime = Runtimes.Start(partitions: 1).WithCounters(_probe);
        var boom = new ArithmeticException("boom");

        var thrown = await Assert.ThrowsAsync<ArithmeticException>(
            () => runtime.Ask<CounterGrain, int>(Runtimes.Counter("a"), _ => throw boom).Within());
        var thrownByAction = await Assert.ThrowsAsync<ArithmeticException>(
            () => runtime.Ask<CounterGrain>(Runtimes.Counter("a"), _ => throw boom).Within());

        Assert.Same(boom, thrown);
        Assert.Same(boom, thrownByAction);
        runtime.Tell<CounterGrain>(Runtimes.Counter("a"), static g => g.Increment());
        runtime.Tell<CounterGrain>(Runtimes.Counter("b"), static g => g.Increment());
        Assert.Equal(1, await runtime.Ask<CounterGrain, int>(Runtimes.Counter("a"), g => g.State.Count).Within());
        Assert.Equal(1, await runtime.Ask<CounterGrain, int>(Runtimes.Counter("b"), g => g.State.Count).Within());
        Assert.Equal(2, _probe.Activations);   // "a" and "b" once each: a failing call leaves the activation be
        Assert.Equal(0, runtime.UnhandledErrorCount);
    }

    [Fact]
    public async Task Tell_GrainThrows_IsReportedAndCounted_AndThePartitionKeepsServing()
    {
        await using var runtime = Runtimes.Start(partitions: 1).WithCounters(_probe);
        var reported = new ConcurrentQueue<(GrainId, Exception)>();
        runtime.UnhandledError += (id, error) => reported.Enqueue((id, error));
        var boom = new ArithmeticException("boom");

        runtime.Tell<CounterGrain>(Runtimes.Counter("a"), _ => throw boom);
        runtime.Tell<CounterGrain>(Runtimes.Counter("a"), static g => g.Increment());
        runtime.Tell<CounterGrain>(Runtimes.Counter("b"), static g => g.Increment());
        await runtime.FlushAsync().Within();

        Assert.Equal(1, runtime.UnhandledErrorCount);
        var (id, error) = Assert.Single(reported);
        Assert.Equal(Runtimes.Counter("a"), id);
        Assert.Same(boom, error);
        Assert.Equal(1, await runtime.Ask<CounterGrain, int>(Runtimes.Counter("a"), g => g.State.Count).Within());
        Assert.Equal(1, await runtime.Ask<CounterGrain, int>(Runtimes.Counter("b"), g => g.State.Count).Within());
    }

    [Fact]
    public async Task ErrorHandler_Throwing_DoesNotStopThePartition()
    {
        await using var runtime = Runtimes.Start(partitions: 1).WithCounters(_probe);
        runtime.UnhandledError += (_, _) => throw new InvalidOperationException("handler bug");

        runtime.Tell<CounterGrain>(Runtimes.Counter("a"), _ => throw new ArithmeticException());
        runtime.Tell<CounterGrain>(Runtimes.Counter("a"), static g => g.Increment());
        await runtime.FlushAsync().Within();

        Assert.Equal(1, runtime.UnhandledErrorCount);
        Assert.Equal(1, await runtime.Ask<CounterGrain, int>(Runtimes.Counter("a"), g => g.State.Count).Within());
    }

    [Fact]
    public async Task Ask_ForTheWrongGrainType_FaultsWithTheKindsActualType()
    {
        await using var runtime = Runtimes.Start(partitions: 1).WithCounters(_probe);
        runtime.Register("other", _ => new OtherGrain());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => runtime.Ask<OtherGrain, int>(Runtimes.Counter("a"), _ => 1).Within());

        Assert.Contains(nameof(CounterGrain), error.Message);
    }

    private sealed class OtherGrain : Grain;
}
