using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Contracts.Wire;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Silo.Ingest;
using RosterBatch = ZhijiangLive.Contracts.V1.RosterBatch;
using ZhijiangLive.Silo.Grpc;
using ZhijiangLive.Silo.Mapping;

namespace ZhijiangLive.Silo.Services;

/// <summary><c>zhijiang.live.v1.Roster</c>: regions, schools and teachers from the provincial platform.</summary>
public sealed class RosterService(IngestSequencer sequencer)
{
    public const string Name = "zhijiang.live.v1.Roster";

    /// <summary>Only the platform, with an API key, changes the roster.</summary>
    public void Map(GrpcMethods methods) => methods
        .Service(Name, GrpcAccess.Platform)
        .Unary(Name, "Upsert", RosterBatch.Parser, UpsertAsync);

    private async Task<RosterReply> UpsertAsync(RosterBatch batch)
    {
        try
        {
            return RosterMapping.ToReply(await sequencer.UpsertRosterAsync(batch));
        }
        catch (NotDurableException error)
        {
            throw new GrpcStatusException(GrpcStatusCode.Unavailable, $"{error.Message}; send the roster again later");
        }
    }
}
