using System.Net;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client;

/// <summary>
/// The body of a call with one request message. Its pooled array goes back only when the content is disposed
/// and no write is in flight, since the handler may still be writing when the call is torn down.
/// </summary>
internal sealed class UnaryContent : HttpContent
{
    private readonly RentedFrame _frame;
    private int _holders = 1;
    private int _disposed;

    public UnaryContent(RentedFrame frame)
    {
        _frame = frame;
        Headers.TryAddWithoutValidation("Content-Type", GrpcContentType.Default);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _holders) == 1)
        {
            throw new ObjectDisposedException(nameof(UnaryContent));
        }
        ValueTask write;
        try
        {
            write = stream.WriteAsync(_frame.Memory, cancellationToken);
        }
        catch
        {
            Release();
            throw;
        }
        if (!write.IsCompletedSuccessfully)
        {
            return ReleaseAfterAsync(write);
        }
        Release();
        return Task.CompletedTask;
    }

    // Unknown on purpose: gRPC requests carry no content-length, and some servers would show it as call metadata.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Release();
        }
        base.Dispose(disposing);
    }

    private async Task ReleaseAfterAsync(ValueTask write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        finally
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _holders) == 0)
        {
            _frame.Return();
        }
    }
}
