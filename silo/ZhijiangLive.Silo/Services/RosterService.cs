using Grpc.Core;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Cluster;
using RosterBatch = ZhijiangLive.Contracts.V1.RosterBatch;
using ZhijiangLive.Silo.Grpc;

namespace ZhijiangLive.Silo.Services;

/// <summary><c>zhijiang.live.v1.Roster</c>: regions, schools and teachers from the provincial platform.</summary>
/// <remarks>Only the platform, with an API key, changes the roster.</remarks>
[GrpcAccess(GrpcAccess.Platform)]
public sealed class RosterService(IngestRouter router) : global::ZhijiangLive.Contracts.V1.Roster.RosterBase
{
    public const string Name = "zhijiang.live.v1.Roster";

    public override Task<RosterReply> Upsert(RosterBatch batch, ServerCallContext context)
    {
        if (batch.Candidates.Count > 0 || batch.ExpertScores.Count > 0)
        {
            // They name the bureau that entered them, which only the Evaluation service can vouch for.
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                "candidates and expert scores are entered by a bureau through zhijiang.live.v1.Evaluation, not the roster feed; nothing of this batch was taken"));
        }
        return router.UpsertRosterAsync(batch);
    }
}
