using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Client;

/// <summary>The writing side: activity events (Ingest) and the organisation tree (Roster).</summary>
public sealed partial class ZhijiangClient
{
    public Task<PublishReply> PublishAsync(PublishRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        UnaryAsync(ServiceMethods.Publish, request, PublishReply.Parser, options, cancellationToken);

    /// <summary>Opens a PublishStream call: one reply per request, in order.</summary>
    public DuplexCall<PublishRequest, PublishReply> OpenPublishStream(CallOptions? options = null, CancellationToken cancellationToken = default) =>
        DuplexStreaming<PublishRequest, PublishReply>(ServiceMethods.PublishStream, PublishReply.Parser, options, cancellationToken);

    public Task<RosterReply> UpsertRosterAsync(RosterBatch batch, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        UnaryAsync(ServiceMethods.RosterUpsert, batch, RosterReply.Parser, options, cancellationToken);
}
