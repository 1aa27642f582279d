using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Client;

/// <summary>The writing side: activity events (Ingest) and the organisation tree (Roster).</summary>
public sealed partial class ZhijiangClient
{
    public Task<PublishReply> PublishAsync(PublishRequest request, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _ingest.PublishAsync(request, CallOptionsFor(options, cancellationToken)).ResponseAsync;

    /// <summary>Opens a PublishStream call: one reply per request, in order.</summary>
    public DuplexCall<PublishRequest, PublishReply> OpenPublishStream(ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        new(_ingest.PublishStream(CallOptionsFor(options, cancellationToken)));

    public Task<RosterReply> UpsertRosterAsync(RosterBatch batch, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _roster.UpsertAsync(batch, CallOptionsFor(options, cancellationToken)).ResponseAsync;
}
