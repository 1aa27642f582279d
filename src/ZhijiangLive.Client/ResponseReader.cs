using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client;

/// <summary>
/// Reads the length-prefixed messages of a response body into a pooled buffer; a message may span any number
/// of reads and one read may hold several messages.
/// </summary>
internal sealed class ResponseReader : IDisposable
{
    private const int MinimumRead = 4096;
    private const int Idle = 0;
    private const int Reading = 1;
    private const int Disposed = 2;

    private readonly Stream _stream;
    private readonly string? _encoding;
    private readonly int _maxMessageSize;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(MinimumRead);
    private int _start;
    private int _end;
    private bool _ended;
    private int _state;

    /// <param name="encoding">The response's <c>grpc-encoding</c>, which says how flagged messages are compressed.</param>
    public ResponseReader(Stream stream, string? encoding, int maxMessageSize)
    {
        _stream = stream;
        _encoding = encoding;
        _maxMessageSize = maxMessageSize;
    }

    /// <summary>The next message, or null at a clean end of the body.</summary>
    /// <exception cref="GrpcStatusException">When the body is not a valid message sequence.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken) where T : class, IMessage<T>
    {
        ObjectDisposedException.ThrowIf(Interlocked.CompareExchange(ref _state, Reading, Idle) != Idle, this);
        try
        {
            while (true)
            {
                var message = TryParse(parser);
                if (message is not null)
                {
                    return message;
                }
                if (_ended)
                {
                    return _start == _end ? null : throw new GrpcStatusException(GrpcStatusCode.Internal,
                        $"response ended inside a message ({_end - _start} bytes left over)");
                }
                MakeRoom();
                var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
                _end += read;
                _ended = read == 0;
            }
        }
        finally
        {
            if (Interlocked.CompareExchange(ref _state, Idle, Reading) == Disposed)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }
        }
    }

    /// <summary>Gives the buffer back now, or, with a read in flight, when that read ends.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _state, Disposed) == Idle)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }

    private T? TryParse<T>(MessageParser<T> parser) where T : class, IMessage<T>
    {
        var pending = new ReadOnlySequence<byte>(_buffer, _start, _end - _start);
        if (!MessageFrame.TryRead(ref pending, _maxMessageSize, out var body, out var compressed))
        {
            return null;
        }
        _start = _end - (int)pending.Length;
        try
        {
            return compressed ? parser.ParseFrom(Decompress(body)) : parser.ParseFrom(body.FirstSpan);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new GrpcStatusException(GrpcStatusCode.Internal, $"response message could not be parsed: {e.Message}");
        }
    }

    private byte[] Decompress(ReadOnlySequence<byte> body) => _encoding switch
    {
        MessageCompression.Gzip => MessageCompression.Decompress(body, _maxMessageSize),
        null or "" or MessageCompression.Identity => throw new GrpcStatusException(GrpcStatusCode.Internal,
            "a response message is flagged compressed but the response has no grpc-encoding"),
        _ => throw new GrpcStatusException(GrpcStatusCode.Unimplemented,
            $"response messages are compressed with '{_encoding}', which this client does not support"),
    };

    /// <summary>Compacts or grows the buffer so that the next read has room, growing at once to a whole announced message.</summary>
    private void MakeRoom()
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        var pending = _end - _start;
        var announced = pending >= MessageFrame.PrefixLength
            ? MessageFrame.PrefixLength + (int)BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start + 1))
            : 0;
        var wanted = Math.Max(pending + MinimumRead, announced);
        if (_buffer.Length - _end >= MinimumRead && _start + announced <= _buffer.Length)
        {
            return;
        }
        var target = wanted <= _buffer.Length ? _buffer : ArrayPool<byte>.Shared.Rent(Math.Max(wanted, _buffer.Length * 2));
        Buffer.BlockCopy(_buffer, _start, target, 0, pending);
        if (!ReferenceEquals(target, _buffer))
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = target;
        }
        _start = 0;
        _end = pending;
    }
}
