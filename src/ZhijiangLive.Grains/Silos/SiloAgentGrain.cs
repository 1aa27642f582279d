using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;
using ZhijiangLive.Grains.Cluster;

namespace ZhijiangLive.Grains.Silos;

/// <summary>Hands each call to the facade of the silo it lives on; it keeps no state of its own.</summary>
[SiloPlacement, Reentrant, KeepAlive]
public sealed class SiloAgentGrain(ZhijiangCluster cluster) : Grain, ISiloAgentGrain
{
    public Task FollowRosterAsync(RosterChange change) => cluster.FollowRosterAsync(change);

    public Task<RosterChange> RosterAsync(string follower) => cluster.RosterForAsync(SiloAddress.FromParsableString(follower));

    public Task FlushOutboxAsync() => cluster.FlushLocalOutboxAsync();

    public Task FlushCountyOutboxAsync() => cluster.FlushLocalCountyOutboxAsync();

    public Task SetPublicationPausedAsync(bool paused)
    {
        cluster.SetLocalPublicationPaused(paused);
        return Task.CompletedTask;
    }

    public Task<int> SaveChangedTeachersAsync(long cut) => cluster.SaveLocalChangedTeachersAsync(cut);
}
