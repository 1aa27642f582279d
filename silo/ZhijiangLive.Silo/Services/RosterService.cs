using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Grains.Cluster;
using RosterBatch = ZhijiangLive.Contracts.V1.RosterBatch;
using ZhijiangLive.Silo.Grpc;
using ZhijiangLive.Silo.Mapping;

namespace ZhijiangLive.Silo.Services;

/// <summary><c>zhijiang.live.v1.Roster</c>: regions, schools and teachers from the provincial platform.</summary>
public sealed class RosterService(ZhijiangCluster cluster)
{
    public const string Name = "zhijiang.live.v1.Roster";

    public void Map(GrpcMethods methods) => methods.Unary(Name, "Upsert", RosterBatch.Parser, async batch =>
        RosterMapping.ToReply(await cluster.UpsertRosterAsync(RosterMapping.ToDomain(batch))));
}
