using System.Net;
using System.Threading.Channels;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client;

/// <summary>
/// The body of a client-streaming call: it pumps frames from a channel to the HTTP/2 stream for as long as the
/// call lasts, flushing after each so that a request and its reply can interleave. Completing the channel ends
/// the request stream (END_STREAM); a failed write closes the channel with the error, so writers learn of it.
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly Channel<RentedFrame> _frames;

    public StreamingRequestContent(Channel<RentedFrame> frames)
    {
        _frames = frames;
        Headers.TryAddWithoutValidation("Content-Type", GrpcContentType.Default);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var reader = _frames.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var frame))
                {
                    try
                    {
                        await stream.WriteAsync(frame.Memory, cancellationToken).ConfigureAwait(false);
                        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        frame.Return();
                    }
                }
            }
        }
        catch (Exception e)
        {
            _frames.Writer.TryComplete(e);
            while (reader.TryRead(out var frame))
            {
                frame.Return();
            }
            throw;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
