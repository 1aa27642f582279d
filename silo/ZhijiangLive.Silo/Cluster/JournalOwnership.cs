using Google.Protobuf;
using Grpc.Core;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Journal;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Silo.Ingest;
using ZhijiangLive.Silo.Mapping;
using ZhijiangLive.Silo.Metrics;

namespace ZhijiangLive.Silo.Cluster;

/// <summary>
/// This silo's part as the journal's writer: taken when the journal grain activates here, with recovery first
/// (a cold start, or a failover from a silo that died), and answering the other silos' gateways with this
/// silo's own ingest pipeline. Until recovery is done, forwarded calls are refused <c>UNAVAILABLE</c>.
/// </summary>
public sealed class JournalOwnership(
    JournalRecovery recovery, IngestPipeline pipeline, IngestSequencer sequencer, ZhijiangCluster cluster,
    IHostApplicationLifetime lifetime, ILogger<JournalOwnership> logger) : IJournalOwner
{
    private readonly Lock _lock = new();
    private Task? _recovery;

    /// <summary>True while this silo started and has not finished starting: a takeover then is a cold start if no other silo is up.</summary>
    public bool Starting { get; set; } = true;

    /// <summary>This silo writes the journal and has recovered: its own gateway uses its pipeline directly.</summary>
    public bool Owns => _recovery is { IsCompletedSuccessfully: true } && !Fenced;

    /// <summary>The recovery this silo's takeover started, once the journal grain activated here.</summary>
    public Task? Recovery => _recovery;

    public bool Fenced => sequencer.LostTheJournal;

    public void TakeOver()
    {
        lock (_lock)
        {
            if (_recovery is not null)
            {
                return;
            }
            var cold = Starting && cluster.OtherSilos().Count == 0;
            logger.LogWarning("The journal grain activated on this silo ({Silo}): taking the journal over ({Kind})",
                cluster.Silo, cold ? "cold start" : "failover");
            _recovery = Task.Run(() => RecoverAsync(cold));
        }
    }

    private async Task RecoverAsync(bool cold)
    {
        try
        {
            await recovery.RecoverAsync(cold, lifetime.ApplicationStopping);
        }
        catch (Exception error)
        {
            logger.LogCritical(error, "Recovery failed on the journal's silo; the silo stops");
            lifetime.StopApplication();
            throw;
        }
    }

    public async Task<OwnerReply> PublishAsync(byte[] request, string publisherName, string publisherKeyId)
    {
        if (NotYet() is { } refused)
        {
            return refused;
        }
        try
        {
            var reply = await pipeline.PublishAsync(PublishRequest.Parser.ParseFrom(request), new Publisher(publisherName, publisherKeyId));
            return OwnerReply.Ok(reply.ToByteArray());
        }
        catch (RpcException error)
        {
            return OwnerReply.Refused((int)error.StatusCode, error.Status.Detail);
        }
    }

    public async Task<OwnerReply> UpsertRosterAsync(byte[] batch)
    {
        if (NotYet() is { } refused)
        {
            return refused;
        }
        try
        {
            return OwnerReply.Ok((await UpsertRosterHereAsync(ZhijiangLive.Contracts.V1.RosterBatch.Parser.ParseFrom(batch))).ToByteArray());
        }
        catch (RpcException error)
        {
            return OwnerReply.Refused((int)error.StatusCode, error.Status.Detail);
        }
    }

    /// <summary>A roster change through this silo's own ingest sequence, as its gateway and the others' forwarded calls take it.</summary>
    public async Task<RosterReply> UpsertRosterHereAsync(ZhijiangLive.Contracts.V1.RosterBatch batch)
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

    private OwnerReply? NotYet() => _recovery switch
    {
        { IsCompletedSuccessfully: true } => null,
        null => OwnerReply.Refused((int)StatusCode.Unavailable, "this silo does not write the journal; send it again"),
        _ => OwnerReply.Refused((int)StatusCode.Unavailable,
            $"silo {cluster.Silo} is taking the journal over (recovering); nothing of this call was taken, send it again in a few seconds"),
    };
}
