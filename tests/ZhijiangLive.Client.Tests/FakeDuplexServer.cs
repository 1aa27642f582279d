using System.IO.Pipelines;
using System.Net;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client.Tests;

/// <summary>
/// An in-memory PublishStream: it answers each request as it arrives, before the next is read, with Accepted =
/// the event count and Duplicates = the reply's ordinal, and ends with OK once the client half-closes. A
/// request whose first event id is "abort" ends the call with RESOURCE_EXHAUSTED instead.
/// </summary>
internal sealed class FakeDuplexServer : HttpMessageHandler
{
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Cancelled => _cancelled.Task;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.Register(() => _cancelled.TrySetResult());
        var replies = new Pipe();
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(replies.Reader.AsStream()) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", GrpcContentType.Default);
        _ = Task.Run(() => ServeAsync(request.Content!, response, replies.Writer, cancellationToken), CancellationToken.None);
        return Task.FromResult(response);
    }

    private static async Task ServeAsync(HttpContent requests, HttpResponseMessage response, PipeWriter replies, CancellationToken cancellationToken)
    {
        var incoming = new Pipe();
        var copy = CopyAsync(requests, incoming.Writer, cancellationToken);
        var count = 0;
        var status = GrpcStatusCode.Ok;
        try
        {
            while (status == GrpcStatusCode.Ok)
            {
                var read = await incoming.Reader.ReadAsync(cancellationToken);
                var buffer = read.Buffer;
                while (MessageFrame.TryRead(ref buffer, 1 << 20, out var message, out var compressed))
                {
                    var request = compressed
                        ? PublishRequest.Parser.ParseFrom(MessageCompression.Decompress(message, 1 << 20))
                        : PublishRequest.Parser.ParseFrom(message);
                    if (request.Events.FirstOrDefault()?.EventId == "abort")
                    {
                        status = GrpcStatusCode.ResourceExhausted;
                        break;
                    }
                    MessageFrame.Write(replies, Google.Protobuf.MessageExtensions.ToByteArray(new PublishReply { Accepted = request.Events.Count, Duplicates = ++count }));
                    await replies.FlushAsync(cancellationToken);
                }
                incoming.Reader.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }
            response.TrailingHeaders.TryAddWithoutValidation("grpc-status", ((int)status).ToString());
            await replies.CompleteAsync();
        }
        catch (Exception e)
        {
            await replies.CompleteAsync(e);
        }
        await copy;
    }

    private static async Task CopyAsync(HttpContent requests, PipeWriter incoming, CancellationToken cancellationToken)
    {
        try
        {
            await requests.CopyToAsync(incoming.AsStream(leaveOpen: true), cancellationToken);
            await incoming.CompleteAsync();
        }
        catch (Exception e)
        {
            await incoming.CompleteAsync(e);
        }
    }
}
