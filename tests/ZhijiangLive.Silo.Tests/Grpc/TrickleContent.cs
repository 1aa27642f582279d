namespace ZhijiangLive.Silo.Tests.Grpc;

/// <summary>
/// A request body sent in pieces of <paramref name="pieceSize"/> bytes, each flushed on its own (so each
/// is its own DATA frame), and then, if asked, held open until the server gives up on it.
/// </summary>
internal sealed class TrickleContent(byte[] body, int pieceSize, bool holdOpen = false) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        for (var offset = 0; offset < body.Length; offset += pieceSize)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(pieceSize, body.Length - offset)));
            await stream.FlushAsync();
        }
        if (holdOpen)
        {
            await Task.Delay(Timeout.Infinite);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
