using Grpc.Core;
using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Client.Tests;

public sealed class UnaryCallTests : IAsyncLifetime
{
    private ScriptedServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Publish_CarriesTheClientsMetadata_ThenTheCalls()
    {
        using var client = _server.Client(new ZhijiangClientOptions { Metadata = [new("authorization", "Bearer zlk_key"), new("x-origin", "client")] });

        var reply = await client.PublishAsync(Requests.Logins("e1", "e2"), new ZhijiangCallOptions { Metadata = [new("x-origin", "call")] });

        Assert.Equal(2, reply.Accepted);
        var call = Assert.Single(_server.Script.Calls);
        Assert.Equal("Bearer zlk_key", call.Headers["authorization"]);
        Assert.Equal("client, call", call.Headers["x-origin"]); // HTTP joins repeated headers
    }

    [Fact]
    public async Task CompressRequests_SendsGzip_AndACallMayTurnItOff()
    {
        using var client = _server.Client(new ZhijiangClientOptions { CompressRequests = true });

        await client.PublishAsync(Requests.Logins("e1"));
        await client.PublishAsync(Requests.Logins("e2"), new ZhijiangCallOptions { Compress = false });

        var calls = _server.Script.Calls.ToArray();
        Assert.Equal("gzip", calls[0].Headers["grpc-encoding"]);
        Assert.False(calls[1].Headers.ContainsKey("grpc-encoding"));
        Assert.All(calls, c => Assert.False(c.Headers.ContainsKey(CallSettings.RequestEncodingHeader)));
        Assert.Equal(["e1", "e2"], _server.Script.Requests.Select(r => r.Events[0].EventId));
    }

    [Fact]
    public async Task ServerStatus_ComesBackWithItsCodeAndDetail()
    {
        _server.Script.Publish = (_, _) => throw new RpcException(new Status(StatusCode.InvalidArgument, "批次过大：100% 的上限"));
        using var client = _server.Client();

        var error = await Assert.ThrowsAsync<RpcException>(() => client.PublishAsync(Requests.Logins("e1")));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("批次过大：100% 的上限", error.Status.Detail);
    }

    [Fact]
    public async Task AResponseLargerThanAllowed_IsResourceExhausted()
    {
        _server.Script.Publish = (_, _) =>
        {
            var reply = new PublishReply();
            reply.Rejections.Add(Enumerable.Range(0, 100).Select(i => new Rejection { Index = i, Detail = new string('x', 100) }));
            return Task.FromResult(reply);
        };
        using var client = _server.Client(new ZhijiangClientOptions { MaxReceiveMessageSize = 1024 });

        var error = await Assert.ThrowsAsync<RpcException>(() => client.PublishAsync(Requests.Logins("e1")));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task AServerThatIsNotThere_IsUnavailable()
    {
        var address = _server.Address;
        await _server.DisposeAsync();
        using var client = new ZhijiangClient(address);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.PublishAsync(Requests.Logins("e1")));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:5081")]
    [InlineData("/relative")]
    public void AnAddressThatIsNotHttp_IsRefused(string address) =>
        Assert.Throws<ArgumentException>(() => new ZhijiangClient(new Uri(address, UriKind.RelativeOrAbsolute)));
}
