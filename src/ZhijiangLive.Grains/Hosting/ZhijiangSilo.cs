using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Forwarding;
using ZhijiangLive.Grains.Silos;
using ZhijiangLive.Grains.Storage;
using ZhijiangLive.Storage;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.Rubrics;

namespace ZhijiangLive.Grains.Hosting;

/// <summary>Puts the teacher, school and region grains into an Orleans silo, with the facade the host calls.</summary>
public static class ZhijiangSilo
{
    /// <summary>
    /// Registers the rules, the options and the facade (<see cref="ZhijiangCluster"/>) in the silo's services;
    /// <paramref name="time"/> is the rules' clock (days, grace windows), not Orleans' own; <paramref name="rubrics"/>
    /// the evaluation rubrics candidates may be registered for (the shipped ones unless told otherwise).
    /// </summary>
    public static ISiloBuilder AddZhijiangGrains(this ISiloBuilder silo, RulePack pack, ClusterOptions options, TimeProvider? time = null,
        IReadOnlyDictionary<string, Rubric>? rubrics = null)
    {
        silo.Services.AddSingleton(services => new GrainServices(pack, options, time ?? services.GetService<TimeProvider>() ?? TimeProvider.System)
        {
            Rubrics = rubrics ?? RubricLoader.Shipped,
        });
        silo.Services.AddSingleton(services => new GrainReferences(services.GetRequiredService<IGrainFactory>()));
        silo.Services.AddSingleton(services => new SchoolOutbox(
            services.GetRequiredService<GrainReferences>(), options.ForwardInterval, services.GetRequiredService<ILogger<SchoolOutbox>>()));
        silo.Services.AddSingleton(services => new CountyOutbox(
            services.GetRequiredService<GrainReferences>(), options.ForwardInterval, services.GetRequiredService<ILogger<CountyOutbox>>()));
        silo.Services.AddSingleton<ZhijiangCluster>();
        silo.AddPlacementDirector<SiloPlacement, SiloPlacementDirector>();
        UseOneActivationPerGrain(silo);
        CollectibleWorkingSet.Install(silo.Services);
        // The host's store when it has one (the silo's SQLite or PostgreSQL); a store that keeps nothing otherwise.
        silo.Services.AddGrainStorage(SnapshotGrainStorage.Name, (services, _) => new SnapshotGrainStorage(
            services.GetService<IDurableStore>() ?? new VolatileStore(), services.GetRequiredService<GrainServices>(),
            services.GetRequiredService<Serializer>()));
        return silo;
    }

    /// <summary>
    /// How long after a silo crashed its grains may not register again elsewhere, counted by Orleans from the crash
    /// (the declaration less its failure-detection window). Orleans' 30 s default guards against a silo voted dead that
    /// still runs; with our detection of about 3 s it held the journal grain off the survivor for some 16 s after the
    /// vote. 5 s expires about as the vote lands: a silo voted dead learns it within a probe round and stops, the
    /// journal fences a writer that lost it, and grain storage refuses a stale write.
    /// </summary>
    private static readonly TimeSpan RangeLease = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Orleans' strongly consistent grain directory instead of its default, eventually consistent one, which lets
    /// a grain have two activations while a silo joins or leaves, and deactivates a survivor's grains whose entries
    /// the leaving silo kept. The journal grain's activation takes the journal over, so a second one fenced the live
    /// writer when a silo joined; and a school or region that lived on a survivor is rebuilt by nobody.
    /// </summary>
#pragma warning disable ORLEANSEXP003 // Experimental in Orleans 10; the default directory's duplicates are what it prevents.
    private static void UseOneActivationPerGrain(ISiloBuilder silo)
    {
        silo.AddDistributedGrainDirectory();
        silo.Configure<GrainDirectoryOptions>(options => options.RangeLeaseDuration = RangeLease);
    }
#pragma warning restore ORLEANSEXP003

    /// <summary>
    /// One silo that is its own cluster, on loopback (Orleans' localhost clustering): the single-machine default.
    /// A port of 0 takes a free one; a gateway port of 0 opens no gateway, as the host calls its grains in-process.
    /// </summary>
    public static ISiloBuilder UseSingleSilo(this ISiloBuilder silo, int siloPort = 0, int gatewayPort = 0)
    {
        silo.UseLocalhostClustering(siloPort == 0 ? LoopbackPort.Free() : siloPort, gatewayPort, serviceId: "zhijiang-live", clusterId: "zhijiang-live");
        return silo;
    }
}
