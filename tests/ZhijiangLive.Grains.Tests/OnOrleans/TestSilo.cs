using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.TestingHost;

namespace ZhijiangLive.Grains.Tests.OnOrleans;

/// <summary>
/// One Orleans silo in the test process, sharing the given <see cref="GrainServices"/> (rules, clock,
/// ledger notes) with whatever the test compares it to, and a <see cref="ReportLog"/> of what reached schools.
/// </summary>
internal sealed class TestSilo : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private TestSilo(InProcessTestCluster cluster, ReportLog reports)
    {
        _cluster = cluster;
        Reports = reports;
    }

    public IGrainFactory Grains => _cluster.Client;

    public ReportLog Reports { get; }

    public static async Task<TestSilo> StartAsync(GrainServices services)
    {
        var reports = new ReportLog();
        var builder = new InProcessTestClusterBuilder(1);
        // Only GrainServices carries the test's manual clock: the silo's own timers keep real time.
        builder.ConfigureSilo((_, silo) => silo.Services.AddSingleton(services).AddSingleton(reports));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TestSilo(cluster, reports);
    }

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();
}
