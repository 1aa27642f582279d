namespace ZhijiangLive.Client.Tests;

/// <summary>A response body that hands its bytes over in chunks of the given sizes, as the network might.</summary>
internal sealed class ChunkedStream(byte[] data, params int[] chunkSizes) : Stream
{
    private int _position;
    private int _chunk;

    public int Reads { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        Reads++;
        var size = chunkSizes.Length == 0 ? data.Length : chunkSizes[Math.Min(_chunk++, chunkSizes.Length - 1)];
        var n = Math.Min(Math.Min(size, buffer.Length), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
