using ZhijiangLive.Grains.Runtime;

namespace ZhijiangLive.Grains.Tests.Runtime;

public sealed class TellManyTests
{
    private readonly Probe _probe = new();

    [Fact]
    public async Task TellMany_DeliversEveryItem_InListOrderPerGrain()
    {
        await using var runtime = Runtimes.Start(partitions: 3).WithCounters(_probe);
        var random = new Random(7);
        var items = Enumerable.Range(0, 4000).Select(seq => (Key: $"g{random.Next(40)}", Seq: seq)).ToList();

        for (int start = 0; start < items.Count; start += 500)
        {
            runtime.TellMany<CounterGrain, (string Key, int Seq)>(
                "counter", items.GetRange(start, 500), static item => item.Key, static (g, item) => g.Record(item.Seq));
        }
        await runtime.FlushAsync().Within();

        foreach (var group in items.GroupBy(item => item.Key))
        {
            var seen = await runtime.Ask<CounterGrain, int[]>(Runtimes.Counter(group.Key), g => g.State.Seen.ToArray()).Within();
            Assert.Equal(group.Select(item => item.Seq), seen);
        }
    }

    [Fact]
    public async Task TellMany_EnqueuesOneWorkItemPerPartition()
    {
        await using var runtime = Runtimes.Start(partitions: 4).WithCounters(_probe);
        var keys = Enumerable.Range(0, 500).Select(i => $"g{i % 100}").ToList();
        int partitions = keys.Select(key => runtime.PartitionOf(Runtimes.Counter(key))).Distinct().Count();
        long before = runtime.ProcessedWorkItems;

        runtime.TellMany<CounterGrain, string>("counter", keys, static key => key, static (g, _) => g.Increment());
        await runtime.FlushAsync().Within();

        Assert.Equal(4, partitions);
        Assert.Equal(partitions, runtime.ProcessedWorkItems - before);
        Assert.Equal(100, runtime.ActiveGrainCount);
    }

    [Fact]
    public async Task TellMany_OneItemThrowing_IsReported_AndTheRestAreDelivered()
    {
        await using var runtime = Runtimes.Start(partitions: 1).WithCounters(_probe);
        var keys = new[] { "a", "b", "a" };

        runtime.TellMany<CounterGrain, string>("counter", keys, static key => key, static (g, key) =>
        {
            if (key == "b")
            {
                throw new ArithmeticException();
            }
            g.Increment();
        });
        await runtime.FlushAsync().Within();

        Assert.Equal(1, runtime.UnhandledErrorCount);
        Assert.Equal(2, await runtime.Ask<CounterGrain, int>(Runtimes.Counter("a"), g => g.State.Count).Within());
    }
}
