using ZhijiangLive.Grains.Runtime;

namespace ZhijiangLive.Grains.Tests.Runtime;

public sealed class SendBufferedTests
{
    private static readonly GrainId Sink = new("sink", "all");

    [Fact]
    public async Task SendBuffered_ManySendsInOneTurn_ArriveAsOneListOnce()
    {
        var sink = new SinkGrain();
        await using var runtime = Start(sink, partitions: 2);

        runtime.Tell<SourceGrain>(new GrainId("source", "s"), static g => g.Send(Enumerable.Range(0, 50)));
        await runtime.FlushAsync().Within();

        var delivery = Assert.Single(sink.Deliveries);
        Assert.Equal(Enumerable.Range(0, 50), delivery);
    }

    [Fact]
    public async Task SendBuffered_FromSeveralGrainsOfOneBatch_ArriveAsOneListInSendOrder()
    {
        var sink = new SinkGrain();
        await using var runtime = Start(sink, partitions: 1);
        var sources = Enumerable.Range(0, 10).ToList();

        runtime.TellMany<SourceGrain, int>("source", sources, static n => $"s{n}", static (g, n) => g.Send([n]));
        await runtime.FlushAsync().Within();

        var delivery = Assert.Single(sink.Deliveries);
        Assert.Equal(sources, delivery);
    }

    [Fact]
    public async Task SendBuffered_FromOutsideGrainCode_DeliversAListOfOne()
    {
        var sink = new SinkGrain();
        await using var runtime = Start(sink, partitions: 2);

        runtime.SendBuffered<SinkGrain, int>(Sink, 1, static (g, items) => g.Receive(items));
        runtime.SendBuffered<SinkGrain, int>(Sink, 2, static (g, items) => g.Receive(items));
        await runtime.FlushAsync().Within();

        Assert.Equal([[1], [2]], sink.Deliveries);
    }

    private static GrainRuntime Start(SinkGrain sink, int partitions)
    {
        var runtime = Runtimes.Start(partitions);
        runtime.Register("sink", _ => sink);
        runtime.Register("source", _ => new SourceGrain());
        return runtime;
    }

    private sealed class SourceGrain : Grain
    {
        public void Send(IEnumerable<int> items)
        {
            foreach (int item in items)
            {
                Runtime.SendBuffered<SinkGrain, int>(Sink, item, static (g, list) => g.Receive(list));
            }
        }
    }

    /// <summary>Registered as a single instance so the test can read what it received after a flush.</summary>
    private sealed class SinkGrain : Grain
    {
        public List<int[]> Deliveries { get; } = [];

        public void Receive(IReadOnlyList<int> items) => Deliveries.Add([.. items]);
    }
}
