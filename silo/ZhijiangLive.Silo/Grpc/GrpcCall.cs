using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;
using ZhijiangLive.Contracts.Wire;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Grpc;

/// <summary>
/// One gRPC call on the server: reads length-prefixed request messages (which may span DATA frames, or
/// share one) and writes response messages. Its token fires on the deadline or when the client resets the stream.
/// </summary>
public sealed class GrpcCall
{
    private readonly PipeReader _reader;
    private readonly PipeWriter _writer;
    private readonly bool _gzipRequest;
    private readonly int _maxMessageSize;

    internal GrpcCall(HttpContext context, Principal? principal, bool gzipRequest, int maxMessageSize, CancellationToken cancellation)
    {
        Context = context;
        Principal = principal;
        _reader = context.Request.BodyReader;
        _writer = context.Response.BodyWriter;
        _gzipRequest = gzipRequest;
        _maxMessageSize = maxMessageSize;
        CancellationToken = cancellation;
    }

    public HttpContext Context { get; }
    public CancellationToken CancellationToken { get; }

    /// <summary>Who is calling, as the dispatcher admitted them; null only for a service that admits anyone.</summary>
    public Principal? Principal { get; }

    /// <summary>The caller of a service that requires credentials (the dispatcher admitted no one without them).</summary>
    public Principal Caller => Principal ?? throw new InvalidOperationException("this service admits anyone: there is no caller to ask about");

    /// <summary>The next request message, or null once the client has half-closed its side.</summary>
    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, CancellationToken cancellation = default) where T : class, IMessage<T>
    {
        try
        {
            return await ReadMessageAsync(parser, cancellation);
        }
        catch (IOException e)
        {
            // Kestrel fails the body's reads when the client resets the stream (or its connection breaks), before
            // it cancels RequestAborted: said here as that cancellation, so that nothing is logged as an error.
            throw new OperationCanceledException("the client reset the stream or its connection broke", e, Context.RequestAborted);
        }
    }

    private async ValueTask<T?> ReadMessageAsync<T>(MessageParser<T> parser, CancellationToken cancellation) where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellation.CanBeCanceled ? cancellation : CancellationToken);
            var buffer = result.Buffer;
            var found = false;
            try
            {
                if (MessageFrame.TryRead(ref buffer, _maxMessageSize, out var message, out var compressed))
                {
                    found = true;
                    return Parse(parser, message, compressed);
                }
                if (result.IsCompleted)
                {
                    if (!buffer.IsEmpty)
                    {
                        throw new GrpcStatusException(GrpcStatusCode.Internal,
                            $"the request ended inside a message ({buffer.Length} bytes of an incomplete message)");
                    }
                    return null;
                }
            }
            finally
            {
                // After a whole message, what follows may already hold the next one: mark only the message
                // consumed. Otherwise everything was looked at, and the next read must wait for more bytes.
                if (found) _reader.AdvanceTo(buffer.Start);
                else _reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
    }

    /// <summary>The one request message of a unary or server-streaming call.</summary>
    public async ValueTask<T> ReadSingleAsync<T>(MessageParser<T> parser) where T : class, IMessage<T>
    {
        var request = await ReadAsync(parser)
            ?? throw new GrpcStatusException(GrpcStatusCode.Internal, "the request carried no message");
        if (await ReadAsync(parser) is not null)
        {
            throw new GrpcStatusException(GrpcStatusCode.Internal, "a unary request carried more than one message");
        }
        return request;
    }

    /// <summary>Writes one response message and flushes it to the client.</summary>
    public async ValueTask WriteAsync(IMessage message)
    {
        MessageFrame.Write(_writer, message);
        await _writer.FlushAsync(CancellationToken);
    }

    private T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> message, bool compressed) where T : IMessage<T>
    {
        if (compressed && !_gzipRequest)
        {
            throw new GrpcStatusException(GrpcStatusCode.Internal, "a message is flagged compressed but the request has no grpc-encoding");
        }
        try
        {
            return compressed ? parser.ParseFrom(MessageCompression.Decompress(message, _maxMessageSize)) : parser.ParseFrom(message);
        }
        catch (InvalidProtocolBufferException e)
        {
            var name = parser.ParseFrom(ByteString.Empty).Descriptor.FullName;
            throw new GrpcStatusException(GrpcStatusCode.Internal, $"the request message does not parse as {name}: {e.Message}");
        }
    }
}
