using Grpc.Core;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Silo.Ingest;
using RosterBatch = ZhijiangLive.Contracts.V1.RosterBatch;
using ZhijiangLive.Silo.Grpc;
using ZhijiangLive.Silo.Mapping;

namespace ZhijiangLive.Silo.Services;

/// <summary><c>zhijiang.live.v1.Roster</c>: regions, schools and teachers from the provincial platform.</summary>
/// <remarks>Only the platform, with an API key, changes the roster.</remarks>
[GrpcAccess(GrpcAccess.Platform)]
public sealed class RosterService(IngestSequencer sequencer) : global::ZhijiangLive.Contracts.V1.Roster.RosterBase
{
    public const string Name = "zhijiang.live.v1.Roster";

    public override async Task<RosterReply> Upsert(RosterBatch batch, ServerCallContext context)
    {
        try
        {
            return RosterMapping.ToReply(await sequencer.UpsertRosterAsync(batch));
        }
        catch (NotDurableException error)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"{error.Message}; send the roster again later"));
        }
    }
}
