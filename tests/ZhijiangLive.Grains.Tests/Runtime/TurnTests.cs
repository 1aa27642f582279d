using ZhijiangLive.Grains.Runtime;

namespace ZhijiangLive.Grains.Tests.Runtime;

public sealed class TurnTests
{
    [Fact]
    public async Task Tell_FromManyThreadsToOneGrain_RunsOneTurnAtATimeAndLosesNoUpdate()
    {
        const int Senders = 8, PerSender = 20_000;
        var probe = new Probe();
        await using var runtime = Runtimes.Start(partitions: 4).WithCounters(probe);
        var id = Runtimes.Counter("hot");
        using var start = new Barrier(Senders);

        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < PerSender; i++)
            {
                runtime.Tell<CounterGrain>(id, static g => g.Increment());
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(senders).Within();
        await runtime.FlushAsync().Within();

        Assert.Equal(Senders * PerSender, await runtime.Ask<CounterGrain, int>(id, g => g.State.Count).Within());
        Assert.Equal(0, probe.Overlaps);
        Assert.Equal(1, probe.Activations);
    }

    [Fact]
    public async Task Tell_ManySendersToManyGrains_EveryGrainCountsExactly()
    {
        const int Senders = 4, Grains = 64, Rounds = 500;
        var probe = new Probe();
        await using var runtime = Runtimes.Start(partitions: 3).WithCounters(probe);

        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(() =>
        {
            for (int round = 0; round < Rounds; round++)
            {
                for (int g = 0; g < Grains; g++)
                {
                    runtime.Tell<CounterGrain>(Runtimes.Counter($"g{g}"), static c => c.Increment());
                }
            }
        })).ToArray();
        await Task.WhenAll(senders).Within();
        await runtime.FlushAsync().Within();

        var counts = await Task.WhenAll(Enumerable.Range(0, Grains)
            .Select(g => runtime.Ask<CounterGrain, int>(Runtimes.Counter($"g{g}"), c => c.State.Count))).Within();
        Assert.All(counts, count => Assert.Equal(Senders * Rounds, count));
        Assert.Equal(0, probe.Overlaps);
        Assert.Equal(Grains, probe.Activations);
    }

    [Fact]
    public async Task GrainCode_RunsOnItsPartitionsOneThread()
    {
        await using var runtime = Runtimes.Start(partitions: 2).WithCounters(new Probe());
        var first = runtime.KeysIn("counter", 0).Take(3).Select(Runtimes.Counter).ToList();
        var second = runtime.KeysIn("counter", 1).Take(3).Select(Runtimes.Counter).ToList();

        var firstThreads = await Task.WhenAll(first.Select(id => runtime.Ask<CounterGrain, int>(id, g => g.ThreadId))).Within();
        var secondThreads = await Task.WhenAll(second.Select(id => runtime.Ask<CounterGrain, int>(id, g => g.ThreadId))).Within();

        Assert.Single(firstThreads.Distinct());
        Assert.Single(secondThreads.Distinct());
        Assert.NotEqual(firstThreads[0], secondThreads[0]);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, firstThreads.Concat(secondThreads));
    }
}
