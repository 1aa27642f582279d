using ZhijiangLive.Silo.Metrics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Grpc;
using ZhijiangLive.Silo.Cluster;
using ZhijiangLive.Silo.Ingest;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Services;

/// <summary>
/// <c>zhijiang.live.v1.Ingest</c>: batches of events, one at a time or as a stream, from the platform (an
/// API key), each batch within its key's rate limit.
/// </summary>
[GrpcAccess(GrpcAccess.Platform)]
public sealed class IngestService(IngestRouter router, IngestRateLimit limit, GrpcServerOptions options, IHostApplicationLifetime lifetime)
    : global::ZhijiangLive.Contracts.V1.Ingest.IngestBase
{
    public const string Name = "zhijiang.live.v1.Ingest";

    public override Task<PublishReply> Publish(PublishRequest request, ServerCallContext context) =>
        PublishAsync(request, context.Caller()).WaitAsync(context.CancellationToken);

    /// <summary>
    /// The rate limit, then the pipeline. A batch over the batch limit is refused by the pipeline and costs
    /// its key no tokens.
    /// </summary>
    private Task<PublishReply> PublishAsync(PublishRequest request, Principal caller)
    {
        if (request.Events.Count <= options.MaxBatchEvents)
        {
            limit.Take(caller, request.Events.Count);
        }
        return router.PublishAsync(request, Publisher.Of(caller));
    }

    /// <summary>
    /// Reads requests and starts scoring each at once, while a second loop writes the replies in request
    /// order: up to <see cref="GrpcServerOptions.StreamPipelineDepth"/> batches are in flight, so a stream
    /// is not held to one batch per round trip through the grains. A failed batch ends the call with its
    /// status after the replies before it, and nothing after it is read (so nothing after it is taken); a
    /// failed read ends it after every reply already owed. When the silo begins to stop, reading stops and the
    /// stream ends UNAVAILABLE after the replies owed, so that an idle stream does not hold the stop up.
    /// </summary>
    public override async Task PublishStream(IAsyncStreamReader<PublishRequest> requests, IServerStreamWriter<PublishReply> replies, ServerCallContext context)
    {
        // A stream of batches may rest between them. Kestrel would take the silence for a slow client and
        // drop the whole connection, every other call on it too; the stream is bounded by its deadline instead.
        if (context.GetHttpContext().Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }
        var caller = context.Caller();
        var inFlight = Channel.CreateBounded<Task<PublishReply>>(new BoundedChannelOptions(Math.Max(1, options.StreamPipelineDepth))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var writerFailed = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var writer = WriteRepliesAsync(replies, context.CancellationToken, inFlight.Reader, writerFailed);
        Exception? readFailure = null;
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(writerFailed.Token, lifetime.ApplicationStopping);
        try
        {
            while (await requests.MoveNext(reading.Token))
            {
                var started = Start(requests.Current, caller);
                await inFlight.Writer.WriteAsync(started, writerFailed.Token);
                if (started.IsFaulted)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !writerFailed.IsCancellationRequested)
        {
            readFailure = new RpcException(new Status(StatusCode.Unavailable,
                $"{IngestSequencer.ShuttingDown}; requests without a reply were not taken, send them again later"));
        }
        catch (OperationCanceledException) when (writerFailed.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // The writer stopped on a failed batch; that failure is the call's outcome.
        }
        catch (Exception e)
        {
            // Grpc.AspNetCore's reader throws plain exceptions for a message it cannot frame or parse.
            readFailure = e as RpcException ?? new RpcException(new Status(StatusCode.Internal,
                $"a request of the stream could not be read: {e.Message}"));
        }
        finally
        {
            inFlight.Writer.TryComplete();
        }
        try
        {
            await writer;
        }
        catch when (readFailure is not null)
        {
        }
        if (readFailure is not null)
        {
            ExceptionDispatchInfo.Throw(readFailure);
        }
    }

    /// <summary>Starts a batch; a batch refused outright becomes a failed reply, in its place in the order.</summary>
    private Task<PublishReply> Start(PublishRequest request, Principal caller)
    {
        try
        {
            return PublishAsync(request, caller);
        }
        catch (Exception e)
        {
            return Task.FromException<PublishReply>(e);
        }
    }

    private static async Task WriteRepliesAsync(
        IServerStreamWriter<PublishReply> writer, CancellationToken callEnded, ChannelReader<Task<PublishReply>> replies, CancellationTokenSource failed)
    {
        try
        {
            await foreach (var reply in replies.ReadAllAsync(callEnded))
            {
                await writer.WriteAsync(await reply.WaitAsync(callEnded), callEnded);
            }
        }
        catch
        {
            failed.Cancel();
            throw;
        }
    }
}
