namespace ZhijiangLive.Grains.Tests.Clustering;

/// <summary>A grain placed at random, so that many of them show which silos the cluster places on.</summary>
public interface ISiloProbeGrain : IGrainWithIntegerKey
{
    Task<SiloAddress> Host();
}

[Orleans.Placement.RandomPlacement]
public sealed class SiloProbeGrain(ILocalSiloDetails silo) : Grain, ISiloProbeGrain
{
    public Task<SiloAddress> Host() => Task.FromResult(silo.SiloAddress);
}
