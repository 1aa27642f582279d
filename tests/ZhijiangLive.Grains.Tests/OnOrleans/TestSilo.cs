using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.TestingHost;

namespace ZhijiangLive.Grains.Tests.OnOrleans;

/// <summary>
/// One Orleans silo in the test process, sharing the given <see cref="GrainServices"/> (rules, clock,
/// ledger notes) with whatever the test compares it to.
/// </summary>
internal sealed class TestSilo : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private TestSilo(InProcessTestCluster cluster) => _cluster = cluster;

    public IGrainFactory Grains => _cluster.Client;

    public static async Task<TestSilo> StartAsync(GrainServices services)
    {
        var builder = new InProcessTestClusterBuilder(1);
        // Only GrainServices carries the test's manual clock: the silo's own timers keep real time.
        builder.ConfigureSilo((_, silo) => silo.Services.AddSingleton(services));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TestSilo(cluster);
    }

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();
}
