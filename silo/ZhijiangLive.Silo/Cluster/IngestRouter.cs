using Google.Protobuf;
using Grpc.Core;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Grains.Journal;
using ZhijiangLive.Silo.Ingest;
using ZhijiangLive.Silo.Metrics;

namespace ZhijiangLive.Silo.Cluster;

/// <summary>
/// Where a gateway's published batch or roster change goes: this silo's own pipeline when it writes the
/// journal, otherwise the journal grain on the silo that does, as the contract's bytes. A forwarded call is
/// answered exactly as the journal's silo answered it; one that never reached it is <c>UNAVAILABLE</c>, and a
/// resend is safe, since that silo's duplicates window answers what it took as duplicates.
/// </summary>
public sealed class IngestRouter(JournalOwnership ownership, IngestPipeline pipeline, IGrainFactory grains)
{
    private IJournalGrain Journal => grains.GetGrain<IJournalGrain>(IJournalGrain.Key);

    public Task<PublishReply> PublishAsync(PublishRequest request, Publisher publisher) => ownership.Recovery switch
    {
        null => ForwardAsync(() => Journal.PublishAsync(request.ToByteArray(), publisher.Name, publisher.KeyId), PublishReply.Parser),
        { IsCompletedSuccessfully: true } => pipeline.PublishAsync(request, publisher),
        _ => throw Recovering(),
    };

    public Task<RosterReply> UpsertRosterAsync(RosterBatch batch) => ownership.Recovery switch
    {
        null => ForwardAsync(() => Journal.UpsertRosterAsync(batch.ToByteArray()), RosterReply.Parser),
        { IsCompletedSuccessfully: true } => ownership.UpsertRosterHereAsync(batch),
        _ => throw Recovering(),
    };

    private static async Task<T> ForwardAsync<T>(Func<Task<OwnerReply>> call, MessageParser<T> parser) where T : IMessage<T>
    {
        OwnerReply reply;
        try
        {
            reply = await call();
        }
        catch (Exception error)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"the silo that writes the journal could not be reached ({error.Message}); send it again, and what was taken is answered as duplicates"));
        }
        return reply.Status == 0
            ? parser.ParseFrom(reply.Body)
            : throw new RpcException(new Status((StatusCode)reply.Status, reply.Detail));
    }

    private RpcException Recovering() => new(new Status(StatusCode.Unavailable,
        ownership.Recovery!.IsFaulted
            ? "taking the journal over failed on this silo; send it to another silo"
            : "this silo is taking the journal over (recovering); nothing of this call was taken, send it again in a few seconds"));
}
