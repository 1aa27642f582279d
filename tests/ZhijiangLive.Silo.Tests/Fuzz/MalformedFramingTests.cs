using System.Net.Sockets;
using System.Text;
using Grpc.Core;
using ZhijiangLive.Silo.Tests.Fuzz.Http2;
using ZhijiangLive.Silo.Tests.Grpc;
using ZhijiangLive.Silo.Tests.Limits;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Fuzz;

/// <summary>How a request's frames are cut: the answer must not depend on it.</summary>
public enum FrameShape
{
    Whole,
    OneByteDataFrames,
    HeadersInContinuations,
}

/// <summary>
/// Each malformed request of README's table, sent over raw HTTP/2 in each frame shape, gets its specified
/// answer on its own stream (trailers-only), and the same connection then serves a normal call.
/// </summary>
public sealed class MalformedFramingTests() : LimitedSilo("--Zhijiang:Grpc:MaxMessageSize=65536")
{
    [Theory]
    [InlineData(FrameShape.Whole)]
    [InlineData(FrameShape.OneByteDataFrames)]
    [InlineData(FrameShape.HeadersInContinuations)]
    public async Task BadFlagByte_IsUnknown(FrameShape shape)
    {
        var body = Body("flag");
        body[0] = 2;

        var reply = await SendAsync(shape, Headers(), body);

        // Grpc.AspNetCore's reader refuses the unary request before any handler runs, with UNKNOWN.
        Assert.Equal(StatusCode.Unknown, reply.Status);
    }

    [Theory]
    [InlineData(FrameShape.Whole)]
    [InlineData(FrameShape.OneByteDataFrames)]
    [InlineData(FrameShape.HeadersInContinuations)]
    public async Task LengthFFFFFFFF_IsRefused_BeforeTheBody(FrameShape shape)
    {
        await using var connection = await ConnectAsync();
        var exchange = await connection.OpenAsync(Headers(), endStream: false, Splits(shape));

        // The prefix alone, and the stream left open: the answer cannot have waited for 4 GiB.
        await connection.SendDataAsync(exchange.StreamId, [0, 0xFF, 0xFF, 0xFF, 0xFF], endStream: false, Piece(shape));
        await exchange.Ended.WaitAsync(GrpcOverRawHttp2.ResponseTimeout);

        // A length past int.MaxValue is UNKNOWN from Grpc.AspNetCore (65,537 bytes is RESOURCE_EXHAUSTED: MessageLimitTests).
        Assert.Equal(StatusCode.Unknown, exchange.Status);
        await AssertPublishesAsync(connection);
    }

    [Theory]
    [InlineData(FrameShape.Whole)]
    [InlineData(FrameShape.OneByteDataFrames)]
    [InlineData(FrameShape.HeadersInContinuations)]
    public async Task TruncatedMessageThenEndStream_IsInternal(FrameShape shape)
    {
        var reply = await SendAsync(shape, Headers(), Body("cut")[..^4]);

        Assert.Equal(StatusCode.Internal, reply.Status);
        Assert.Contains("Incomplete message", reply.GrpcMessage);
    }

    [Theory]
    [InlineData(FrameShape.Whole, "application/json")]
    [InlineData(FrameShape.OneByteDataFrames, "text/plain")]
    [InlineData(FrameShape.HeadersInContinuations, "application/grpcx")]
    public async Task WrongContentType_IsHttp415(FrameShape shape, string contentType)
    {
        var reply = await SendAsync(shape, GrpcOverRawHttp2.Headers(Address, Publish, contentType), Body("type"));

        Assert.Equal(415, reply.HttpStatus);
        Assert.Equal(StatusCode.Internal, reply.Status);
    }

    [Theory]
    [InlineData(FrameShape.Whole, "soon")]
    [InlineData(FrameShape.OneByteDataFrames, "123456789S")]
    [InlineData(FrameShape.HeadersInContinuations, "-1S")]
    [InlineData(FrameShape.Whole, "1.5S")]
    [InlineData(FrameShape.Whole, "10s")]
    public async Task BadGrpcTimeout_IsTakenAsNoDeadline(FrameShape shape, string timeout)
    {
        await using var connection = await ConnectAsync();
        var exchange = await connection.OpenAsync(Headers(("grpc-timeout", timeout)), endStream: false, Splits(shape));
        await connection.SendDataAsync(exchange.StreamId, Body("timeout"), endStream: true, Piece(shape));
        await exchange.Ended.WaitAsync(GrpcOverRawHttp2.ResponseTimeout);

        // Grpc.AspNetCore ignores a grpc-timeout it cannot parse, as the gRPC spec leaves open.
        Assert.Equal(StatusCode.OK, exchange.Status);
    }

    [Fact]
    public async Task Http11Request_GetsA400AndTheConnectionClosed()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Address.Host, Address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {Publish} HTTP/1.1\r\nHost: {Address.Authority}\r\nContent-Type: application/grpc\r\nContent-Length: 5\r\n\r\n\0\0\0\0\0"));

        // Reading to the end proves the close: Kestrel answers in HTTP/1.1 and hangs up.
        var answer = Encoding.ASCII.GetString(await GrpcOverRawHttp2.ReadUntilClosedAsync(stream));

        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", answer);
        Assert.Contains("Connection: close\r\n", answer);
        Assert.EndsWith("An HTTP/1.x request was sent to an HTTP/2 only endpoint.", answer);
        await AssertAnotherConnectionIsServedAsync();
    }

    /// <summary>Sends a whole request in the given shape on a new connection, then checks that connection still serves.</summary>
    private async Task<Http2Exchange> SendAsync(FrameShape shape, List<(string Name, string Value)> headers, byte[] body)
    {
        await using var connection = await ConnectAsync();
        var exchange = await connection.OpenAsync(headers, endStream: false, Splits(shape));
        await connection.SendDataAsync(exchange.StreamId, body, endStream: true, Piece(shape));
        await exchange.Ended.WaitAsync(GrpcOverRawHttp2.ResponseTimeout);
        Assert.True(exchange.Trailers.Count == 0 && exchange.Header("grpc-status") is not null, $"not trailers-only: {exchange}");
        await AssertPublishesAsync(connection);
        return exchange;
    }

    private List<(string Name, string Value)> Headers(params (string Name, string Value)[] extra) =>
        GrpcOverRawHttp2.Headers(Address, Publish, extra: extra);

    private static byte[] Body(string eventId) => RawGrpc.Frame(Batch(Login($"malformed-{eventId}")));

    private static int[] Splits(FrameShape shape) => shape == FrameShape.HeadersInContinuations ? [1, 7, 30, 31, 90] : [];

    private static int Piece(FrameShape shape) => shape == FrameShape.OneByteDataFrames ? 1 : int.MaxValue;
}
