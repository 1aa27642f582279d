using Grpc.Core;

namespace ZhijiangLive.Client.Tests;

public sealed class PublishStreamTests : IAsyncLifetime
{
    private ScriptedServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RepliesComeInOrder_InterleavedWithRequests_AndTheEndIsOk()
    {
        using var client = _server.Client();
        await using var stream = client.OpenPublishStream();

        var accepted = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            await stream.WriteAsync(Requests.Logins(Enumerable.Range(0, i).Select(j => $"e{i}-{j}").ToArray()));
            accepted.Add((await stream.ReadAsync())!.Accepted);
        }
        Assert.Null(stream.Status);
        await stream.CompleteAsync();

        Assert.Null(await stream.ReadAsync());
        Assert.Equal([1, 2, 3], accepted);
        Assert.Equal(StatusCode.OK, stream.Status?.StatusCode);
        Assert.False(await _server.Script.StreamEnded.Task);
    }

    [Fact]
    public async Task AFailureEndsTheStream_IsRemembered_AndLaterWritesThrowIt()
    {
        _server.Script.StreamFailure = (1, new Status(StatusCode.ResourceExhausted, "送得太快"));
        using var client = _server.Client();
        await using var stream = client.OpenPublishStream();

        await stream.WriteAsync(Requests.Logins("e1"));
        Assert.Equal(1, (await stream.ReadAsync())!.Accepted);
        await stream.WriteAsync(Requests.Logins("e2"));
        var error = await Assert.ThrowsAsync<RpcException>(async () => await stream.ReadAsync());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("送得太快", stream.Status?.Detail);
        var write = await Assert.ThrowsAsync<RpcException>(async () => await stream.WriteAsync(Requests.Logins("e3")));
        Assert.Equal(StatusCode.ResourceExhausted, write.StatusCode);
    }

    [Fact]
    public async Task DisposingAnOpenStream_CancelsItOnTheServer()
    {
        using var client = _server.Client();
        var stream = client.OpenPublishStream();
        await stream.WriteAsync(Requests.Logins("e1"));
        await stream.ReadAsync();

        await stream.DisposeAsync();

        Assert.True(await _server.Script.StreamEnded.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task CancellingARead_CancelsTheCall()
    {
        using var client = _server.Client();
        await using var stream = client.OpenPublishStream();
        await stream.WriteAsync(Requests.Logins("e1"));
        await stream.ReadAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await stream.ReadAsync(cancel.Token));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal(StatusCode.Cancelled, stream.Status?.StatusCode);
        Assert.True(await _server.Script.StreamEnded.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
