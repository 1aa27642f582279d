using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using ZhijiangLive.Silo.Tests.Fuzz.Http2;
using ZhijiangLive.Silo.Tests.Grpc;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Limits;

/// <summary>
/// MinRequestBodyDataRate, with a grace period of 2 s: a unary call whose body stalls loses its connection
/// (Kestrel's answer to a slow client: GOAWAY, every stream of it ended), while a PublishStream that rests
/// between batches is exempt and lives on.
/// </summary>
public sealed class BodyRateTests() : LimitedSilo("--Zhijiang:Limits:MinDataRateGracePeriod=00:00:02")
{
    // Longer than the grace period and Kestrel's 1 s heartbeat that checks it.
    private static readonly TimeSpan Rest = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task PublishStream_RestingLongerThanTheGracePeriod_LivesOn()
    {
        await using var connection = await ConnectAsync();
        var stream = await connection.OpenAsync(GrpcOverRawHttp2.Headers(Address, PublishStream));
        await connection.SendDataAsync(stream.StreamId, RawGrpc.Frame(Batch(Login("rest-1"))), endStream: false);

        // The point is time passing with nothing sent: no signal to wait for instead.
        await Task.Delay(Rest);
        var sent = await connection.SendDataAsync(stream.StreamId, RawGrpc.Frame(Batch(Login("rest-2", teacher: "T2"))), endStream: true);
        await stream.Ended.WaitAsync(GrpcOverRawHttp2.ResponseTimeout);

        Assert.True(sent, stream.ToString());
        Assert.Equal(StatusCode.OK, stream.Status);
        Assert.Equal([1, 1], stream.Messages(PublishReply.Parser).Select(r => r.Accepted));
    }

    [Fact]
    public async Task UnaryBodyThatStalls_LosesItsConnection_AndOthersAreServed()
    {
        await using var connection = await ConnectAsync();
        var stalled = await connection.OpenAsync(GrpcOverRawHttp2.Headers(Address, Publish));

        await connection.SendDataAsync(stalled.StreamId, RawGrpc.Frame(Batch(Login("stall")))[..3], endStream: false);

        Assert.Equal(StreamEnd.ConnectionEnded, await stalled.Ended.WaitAsync(Rest + GrpcOverRawHttp2.ResponseTimeout));
        Assert.Empty(stalled.Headers);
        await AssertAnotherConnectionIsServedAsync();
    }
}
