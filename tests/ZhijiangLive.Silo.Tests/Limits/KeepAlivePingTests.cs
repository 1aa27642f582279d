using ZhijiangLive.Silo.Tests.Fuzz.Http2;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Limits;

/// <summary>
/// KeepAlivePingDelay and KeepAlivePingTimeout: the server PINGs a silent connection; a peer that answers
/// keeps its idle stream, one that does not (a vanished peer) loses the connection.
/// </summary>
public sealed class KeepAlivePingTests() : LimitedSilo("--Zhijiang:Limits:KeepAlivePingDelay=00:00:01", "--Zhijiang:Limits:KeepAlivePingTimeout=00:00:01")
{
    // Several ping delays and timeouts, with Kestrel's 1 s heartbeat that sends and checks them.
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task PeerThatAnswersPings_KeepsItsIdleStream()
    {
        await using var connection = await ConnectAsync();
        var stream = await connection.OpenAsync(GrpcOverRawHttp2.Headers(Address, PublishStream));

        // Silence is the point: nothing else would make the server ping.
        await Task.Delay(Silence);

        Assert.True(connection.PingsReceived > 0);
        Assert.False(stream.HasEnded, stream.ToString());
        await AssertPublishesAsync(connection);
    }

    [Fact]
    public async Task PeerThatDoesNotAnswer_LosesTheConnection()
    {
        await using var connection = await ConnectAsync();
        connection.AnswersPings = false;
        var stream = await connection.OpenAsync(GrpcOverRawHttp2.Headers(Address, PublishStream));

        Assert.Equal(StreamEnd.ConnectionEnded, await stream.Ended.WaitAsync(Silence + GrpcOverRawHttp2.ResponseTimeout));
        Assert.True(connection.PingsReceived > 0);
        await AssertAnotherConnectionIsServedAsync();
    }
}
