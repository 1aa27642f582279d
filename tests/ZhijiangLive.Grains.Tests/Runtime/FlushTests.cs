using ZhijiangLive.Grains.Runtime;

namespace ZhijiangLive.Grains.Tests.Runtime;

public sealed class FlushTests
{
    private readonly int[] _arrived = new int[4];

    [Fact]
    public async Task FlushAsync_OnAnIdleRuntime_CompletesAtOnce()
    {
        await using var runtime = Start(partitions: 2);

        Assert.True(runtime.FlushAsync().IsCompleted);
    }

    [Fact]
    public async Task FlushAsync_WaitsForTransitiveSends_ThroughTellTellManyAndSendBuffered()
    {
        await using var runtime = Start(partitions: 3);

        for (int chain = 0; chain < 20; chain++)
        {
            int producer = chain % _arrived.Length;
            runtime.Tell<ChainGrain>(ChainGrain.IdOf(chain, 30), g => g.Pass(producer, chain, 30));
        }
        await runtime.FlushAsync().Within();

        Assert.Equal(20, _arrived.Sum());
    }

    [Fact]
    public async Task FlushAsync_UnderConcurrentProducers_CoversEverySendBeforeTheCall_AndStillCompletes()
    {
        const int Producers = 3, PerProducer = 60_000;
        await using var runtime = Start(partitions: 2);
        var sent = new int[Producers];
        var producers = Enumerable.Range(0, Producers).Select(p => Task.Factory.StartNew(() =>
        {
            for (int i = 0; i < PerProducer; i++)
            {
                runtime.Tell<ChainGrain>(ChainGrain.IdOf(p, 3), g => g.Pass(p, p, 3));
                Volatile.Write(ref sent[p], i + 1);
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        int flushesUnderLoad = 0;
        while (!producers.All(task => task.IsCompleted) || flushesUnderLoad < 3)
        {
            var sentBefore = sent.Select((_, p) => Volatile.Read(ref sent[p])).ToArray();
            await runtime.FlushAsync().Within();
            for (int p = 0; p < Producers; p++)
            {
                Assert.True(Volatile.Read(ref _arrived[p]) >= sentBefore[p], $"producer {p}: {_arrived[p]} arrived of {sentBefore[p]} sent");
            }
            flushesUnderLoad++;
        }
        await Task.WhenAll(producers).Within();
        await runtime.FlushAsync().Within();

        Assert.All(_arrived.Take(Producers), arrived => Assert.Equal(PerProducer, arrived));
    }

    [Fact]
    public async Task FlushAsync_ManyConcurrentCallers_AllCompleteAfterTheirMessages()
    {
        await using var runtime = Start(partitions: 2);

        var flushes = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            runtime.Tell<ChainGrain>(ChainGrain.IdOf(i, 5), g => g.Pass(i % 4, i, 5));
            await runtime.FlushAsync();
            return Volatile.Read(ref _arrived[i % 4]);
        })).ToArray();
        var seen = await Task.WhenAll(flushes).Within();

        Assert.All(seen, arrivedForThatProducer => Assert.True(arrivedForThatProducer >= 1));
        Assert.Equal(16, _arrived.Sum());
    }

    private GrainRuntime Start(int partitions)
    {
        var runtime = Runtimes.Start(partitions);
        runtime.Register("chain", _ => new ChainGrain(_arrived));
        return runtime;
    }

    /// <summary>Passes a token down a chain of grains, by a different kind of send at each hop.</summary>
    private sealed class ChainGrain(int[] arrived) : Grain
    {
        public static GrainId IdOf(int chain, int hopsLeft) => new("chain", $"c{chain}-h{hopsLeft}");

        public void Pass(int producer, int chain, int hopsLeft)
        {
            if (hopsLeft == 0)
            {
                Interlocked.Increment(ref arrived[producer]);
                return;
            }
            var next = IdOf(chain, hopsLeft - 1);
            switch (hopsLeft % 3)
            {
                case 0:
                    Runtime.Tell<ChainGrain>(next, g => g.Pass(producer, chain, hopsLeft - 1));
                    break;
                case 1:
                    Runtime.SendBuffered<ChainGrain, int>(next, producer, (g, producers) =>
                    {
                        foreach (int p in producers)
                        {
                            g.Pass(p, chain, hopsLeft - 1);
                        }
                    });
                    break;
                default:
                    Runtime.TellMany<ChainGrain, int>("chain", [producer], _ => next.Key, (g, p) => g.Pass(p, chain, hopsLeft - 1));
                    break;
            }
        }
    }
}
