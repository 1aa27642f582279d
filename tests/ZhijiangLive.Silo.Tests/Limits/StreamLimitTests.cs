using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using ZhijiangLive.Silo.Tests.Fuzz.Http2;
using ZhijiangLive.Silo.Tests.Grpc;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Limits;

/// <summary>
/// MaxStreamsPerConnection is advertised as SETTINGS_MAX_CONCURRENT_STREAMS; a stream opened beyond it is
/// reset with REFUSED_STREAM (RFC 9113 §5.1.2: not processed, safe to retry), and the open ones carry on.
/// </summary>
public sealed class StreamLimitTests() : LimitedSilo("--Zhijiang:Limits:MaxStreamsPerConnection=4")
{
    [Fact]
    public async Task StreamBeyondTheLimit_IsRefused_WhileTheOpenOnesCarryOn()
    {
        await using var connection = await ConnectAsync();
        var open = new List<Http2Exchange>();
        for (var i = 0; i < 4; i++)
        {
            open.Add(await connection.OpenAsync(GrpcOverRawHttp2.Headers(Address, PublishStream)));
        }

        var refused = await connection.OpenAsync(GrpcOverRawHttp2.Headers(Address, PublishStream));

        Assert.Equal(4u, connection.ServerSettings[0x3]);
        Assert.Equal(StreamEnd.Reset, await refused.Ended.WaitAsync(GrpcOverRawHttp2.ResponseTimeout));
        Assert.Equal(Http2Error.RefusedStream, refused.ResetCode);
        Assert.All(open, stream => Assert.False(stream.HasEnded, stream.ToString()));
        // One of the four finishes; its place is free for the next stream.
        await connection.SendDataAsync(open[0].StreamId, RawGrpc.Frame(Batch(Login("first"))), endStream: true);
        await open[0].Ended.WaitAsync(GrpcOverRawHttp2.ResponseTimeout);
        Assert.Equal(StatusCode.OK, open[0].Status);
        await AssertPublishesAsync(connection);
        await AssertAnotherConnectionIsServedAsync();
        foreach (var stream in open.Skip(1))
        {
            await connection.SendDataAsync(stream.StreamId, RawGrpc.Frame(Batch(Login($"later-{stream.StreamId}"))), endStream: true);
            await stream.Ended.WaitAsync(GrpcOverRawHttp2.ResponseTimeout);
            Assert.Equal(1, Assert.Single(stream.Messages(PublishReply.Parser)).Accepted);
        }
    }
}
