using System.Threading.Channels;

namespace ZhijiangLive.Client.Tests;

/// <summary>A request body's destination that logs each write and flush, in order, for the test to await.</summary>
internal sealed class RecordingStream : Stream
{
    private readonly Channel<string> _log = Channel.CreateUnbounded<string>();

    public Exception? FailWritesWith { get; set; }

    /// <summary>The next write ("write:" and the bytes in hex) or "flush".</summary>
    public async Task<string> NextAsync() => await _log.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public bool HasMore => _log.Reader.TryPeek(out _);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (FailWritesWith is { } error)
        {
            return ValueTask.FromException(error);
        }
        _log.Writer.TryWrite("write:" + Convert.ToHexString(buffer.Span));
        return ValueTask.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        _log.Writer.TryWrite("flush");
        return Task.CompletedTask;
    }

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
