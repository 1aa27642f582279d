using ZhijiangLive.Silo.Tests.Fuzz.Http2;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;
using RawGrpc = ZhijiangLive.Silo.Tests.Grpc.RawGrpc;

namespace ZhijiangLive.Silo.Tests.Limits;

/// <summary>MaxFrameSize, KeepAliveTimeout and RequestHeadersTimeout end a connection with the GOAWAY HTTP/2 names; other connections are served.</summary>
public sealed class FrameAndIdleLimitTests() : LimitedSilo("--Zhijiang:Limits:KeepAliveTimeout=00:00:02", "--Zhijiang:Limits:RequestHeadersTimeout=00:00:02")
{
    [Fact]
    public async Task FrameOverMaxFrameSize_EndsTheConnectionWithFrameSizeError()
    {
        await using var connection = await ConnectAsync();
        var exchange = await connection.OpenAsync(GrpcOverRawHttp2.Headers(Address, Publish));

        await connection.SendAsync(new Http2Frame(FrameType.Data, FrameFlags.EndStream, exchange.StreamId, new byte[16_385]));

        Assert.Equal(16_384u, connection.ServerSettings.GetValueOrDefault<ushort, uint>(0x5, 16_384));
        Assert.Equal(Http2Error.FrameSizeError, (await connection.Closed.WaitAsync(GrpcOverRawHttp2.ResponseTimeout))!.Error);
        await AssertAnotherConnectionIsServedAsync();
    }

    [Fact]
    public async Task ConnectionWithoutCalls_IsClosedAfterTheKeepAliveTimeout()
    {
        await using var idle = await ConnectAsync();
        await AssertPublishesAsync(idle);

        var goAway = await idle.Closed.WaitAsync(GrpcOverRawHttp2.ResponseTimeout);

        Assert.Equal(Http2Error.NoError, goAway!.Error);
    }

    [Fact]
    public async Task ConnectionWithAnOpenCall_OutlivesTheKeepAliveTimeout()
    {
        await using var busy = await ConnectAsync();
        var stream = await busy.OpenAsync(GrpcOverRawHttp2.Headers(Address, PublishStream));

        // Time must pass with the stream open and silent; nothing signals "the timeout would have fired".
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.False(busy.Closed.IsCompleted);
        await AssertPublishesAsync(busy);
        await busy.SendDataAsync(stream.StreamId, RawGrpc.Frame(Batch(Login("kept"))), endStream: true);
        Assert.Equal(StreamEnd.Completed, await stream.Ended.WaitAsync(GrpcOverRawHttp2.ResponseTimeout));
    }

    [Fact]
    public async Task HeaderBlockLeftUnfinished_EndsTheConnectionAfterRequestHeadersTimeout()
    {
        await using var connection = await ConnectAsync();
        var block = HpackEncoder.Encode(GrpcOverRawHttp2.Headers(Address, Publish));

        // A HEADERS frame without END_HEADERS, and no CONTINUATION after it.
        await connection.SendAsync(new Http2Frame(FrameType.Headers, 0, 1, block[..10]));

        var goAway = await connection.Closed.WaitAsync(GrpcOverRawHttp2.ResponseTimeout);

        // Kestrel ends such a connection as broken: it drops it outright or, when its timeout fires inside the
        // frame loop, with GOAWAY INTERNAL_ERROR; never as an orderly close (an idle one gets GOAWAY NO_ERROR, above).
        Assert.True(goAway is null || goAway.Error == Http2Error.InternalError, $"ended with {goAway}");
        await AssertAnotherConnectionIsServedAsync();
    }
}
