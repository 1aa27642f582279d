using ZhijiangLive.Silo.Tests.Fuzz.Http2;

namespace ZhijiangLive.Silo.Tests.Limits;

/// <summary>MaxConcurrentConnections: a connection over it is closed at once; the open ones are served, and a freed place is taken again.</summary>
public sealed class ConnectionLimitTests() : LimitedSilo("--Zhijiang:Limits:MaxConcurrentConnections=2")
{
    [Fact]
    public async Task ConnectionOverTheLimit_IsClosedAtOnce_WhileTheOpenOnesAreServed()
    {
        var first = await ConnectAsync();
        await using var second = await ConnectAsync();

        var refused = await Record.ExceptionAsync(ConnectAsync);

        Assert.IsType<IOException>(refused);
        await AssertPublishesAsync(first);
        await AssertPublishesAsync(second);
        await first.DisposeAsync();
        await using var third = await ConnectOnceFreedAsync();
        await AssertPublishesAsync(third);
    }

    /// <summary>Kestrel frees a closed connection's place once it has wound the connection down, a moment after the close.</summary>
    private async Task<RawHttp2Connection> ConnectOnceFreedAsync()
    {
        var deadline = DateTime.UtcNow + GrpcOverRawHttp2.ResponseTimeout;
        while (true)
        {
            try
            {
                return await ConnectAsync();
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
