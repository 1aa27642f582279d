using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime;
using ZhijiangLive.Grains.Hosting;
using ZhijiangLive.Scoring.RulePacks;

namespace ZhijiangLive.Grains.Tests.Hosting;

/// <summary>Orleans' working set keeps only the activations it may collect; collection goes on for those.</summary>
public sealed class CollectibleWorkingSetTests
{
    [Fact]
    public async Task KeptAliveActivations_StayOutOfOrleansWorkingSet_TheOthersGoIn()
    {
        await using var silo = await LocalSilo.StartAsync(RulePackLoader.Default, new ClusterOptions());
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var workingSet = silo.Services.GetRequiredService<IActivationWorkingSet>();
        var before = workingSet.Count;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => grains.GetGrain<IKeptAliveProbeGrain>($"kept-{i}").PingAsync()));
        Assert.Equal(before, workingSet.Count);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => grains.GetGrain<ICollectibleProbeGrain>($"collectible-{i}").PingAsync()));
        Assert.Equal(before + 3, workingSet.Count);
    }

    [Fact]
    public async Task AnIdleCollectibleGrainIsStillCollected_AKeptAliveOneIsNot()
    {
        await using var silo = await LocalSilo.StartAsync(RulePackLoader.Default, new ClusterOptions(), configure: s =>
            s.Configure<GrainCollectionOptions>(o => (o.CollectionQuantum, o.CollectionAge) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2))));
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var (collectible, keptAlive) = ($"collectible-{Guid.NewGuid():N}", $"kept-{Guid.NewGuid():N}");

        await grains.GetGrain<ICollectibleProbeGrain>(collectible).PingAsync();
        await grains.GetGrain<IKeptAliveProbeGrain>(keptAlive).PingAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!ProbeDeactivations.Seen.ContainsKey(collectible) && waited.Elapsed < TimeSpan.FromSeconds(40))
        {
            await Task.Delay(200);
        }

        Assert.Equal(DeactivationReasonCode.ActivationIdle, Assert.Contains(collectible, (IDictionary<string, DeactivationReasonCode>)ProbeDeactivations.Seen));
        Assert.DoesNotContain(keptAlive, (IDictionary<string, DeactivationReasonCode>)ProbeDeactivations.Seen);
    }
}
