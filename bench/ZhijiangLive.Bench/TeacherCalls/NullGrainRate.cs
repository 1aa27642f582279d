using Orleans;

namespace ZhijiangLive.Bench.TeacherCalls;

/// <summary>
/// Awaited calls per second to 1,000 null grains, 256 unanswered: the engine's own ceiling on this machine. The
/// references are made before the clock starts, as the silo's grains keep theirs (GrainReferences), so the figure
/// is the cost of the call and not of building a proxy.
/// </summary>
internal static class NullGrainRate
{
    public static Task<double> MeasureAsync(IGrainFactory grains, int inFlight = 256)
    {
        var references = Enumerable.Range(0, 1_000).Select(i => grains.GetGrain<INullGrain>(i)).ToArray();
        return CallRate.MeasureAsync(100_000, inFlight, i => references[i % references.Length].PingAsync(), CallRate.Settled);
    }
}
