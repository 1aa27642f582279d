using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using ZhijiangLive.Silo.Tests.Fuzz.Http2;
using ZhijiangLive.Silo.Tests.Grpc;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Limits;

/// <summary>A seeded silo with the limits a test class sets, and the check that after a limit trips others are still served.</summary>
public abstract class LimitedSilo(params string[] settings) : SeededSilo(settings)
{
    private int _honest;

    private protected Uri Address => Silo.GrpcAddress;

    private protected Task<RawHttp2Connection> ConnectAsync() => RawHttp2Connection.ConnectAsync(Address);

    /// <summary>A normal Publish on <paramref name="connection"/>, answered OK with its one event accepted.</summary>
    private protected async Task AssertPublishesAsync(RawHttp2Connection connection)
    {
        var id = $"honest-{Interlocked.Increment(ref _honest)}";
        var reply = await connection.CallAsync(GrpcOverRawHttp2.Headers(Address, Publish), RawGrpc.Frame(Batch(Login(id, teacher: "T2"))));

        Assert.True(reply.Status == StatusCode.OK, reply.ToString());
        Assert.Equal(1, Assert.Single(reply.Messages(PublishReply.Parser)).Accepted);
    }

    /// <summary>The service still serves a client on a connection of its own.</summary>
    private protected async Task AssertAnotherConnectionIsServedAsync()
    {
        await using var connection = await ConnectAsync();
        await AssertPublishesAsync(connection);
    }
}
