using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Runtime;
using ZhijiangLive.Scoring.RulePacks;

namespace ZhijiangLive.Grains.Cluster;

/// <summary>
/// The in-process API the host calls: roster changes, accepted events, queries and change notifications,
/// over a grain runtime with teacher, school and region grains.
/// </summary>
public sealed partial class ZhijiangCluster : IAsyncDisposable
{
    public ZhijiangCluster(RulePack pack, ClusterOptions options, IGrainStorage storage, TimeProvider time)
    {
        Services = new GrainServices(pack, options, time);
        var runtimeOptions = new GrainRuntimeOptions
        {
            Partitions = options.Partitions > 0 ? options.Partitions : Environment.ProcessorCount,
            IdleDeactivationAfter = options.IdleDeactivationAfter,
        };
        Runtime = new GrainRuntime(runtimeOptions, storage, time);
        Runtime.Register(Teachers.StandInTeacherGrain.Kind, _ => new Teachers.StandInTeacherGrain(Services));
        Runtime.Register(Schools.StandInSchoolGrain.Kind, _ => new Schools.StandInSchoolGrain(Services));
        Runtime.Register(Regions.StandInRegionGrain.Kind, _ => new Regions.StandInRegionGrain(Services));
    }

    public GrainServices Services { get; }
    public GrainRuntime Runtime { get; }
    public RosterDirectory Roster { get; } = new();

    /// <summary>Completes once everything sent so far, and everything it caused, has been processed.</summary>
    public Task FlushAsync() => Runtime.FlushAsync();

    public ValueTask DisposeAsync() => Runtime.DisposeAsync();
}
