using Grpc.Core;
using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Client.Tests;

public sealed class RetryTests : IAsyncLifetime
{
    private ScriptedServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AnUnavailablePublish_IsSentAgain_WithTheSameEventIds()
    {
        FailFirst(2, StatusCode.Unavailable);
        using var client = _server.Client(new ZhijiangClientOptions { RetryAttempts = 3 });

        var reply = await client.PublishAsync(Requests.Logins("e1", "e2"));

        Assert.Equal(2, reply.Accepted);
        var attempts = _server.Script.Requests.ToArray();
        Assert.Equal(3, attempts.Length);
        Assert.All(attempts, a => Assert.Equal(["e1", "e2"], a.Events.Select(e => e.EventId)));
    }

    [Fact]
    public async Task RetriesStop_AtTheirNumber_WithTheLastStatus()
    {
        FailFirst(10, StatusCode.Unavailable);
        using var client = _server.Client(new ZhijiangClientOptions { RetryAttempts = 2 });

        var error = await Assert.ThrowsAsync<RpcException>(() => client.PublishAsync(Requests.Logins("e1")));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(3, _server.Script.Requests.Count);
    }

    [Fact]
    public async Task WithoutRetries_OrForAnotherStatus_ThereIsOneAttempt()
    {
        FailFirst(1, StatusCode.Unavailable);
        using (var plain = _server.Client())
        {
            Assert.Equal(StatusCode.Unavailable, (await Assert.ThrowsAsync<RpcException>(() => plain.PublishAsync(Requests.Logins("e1")))).StatusCode);
        }
        FailFirst(1, StatusCode.InvalidArgument);
        using (var retrying = _server.Client(new ZhijiangClientOptions { RetryAttempts = 3 }))
        {
            Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(() => retrying.PublishAsync(Requests.Logins("e2")))).StatusCode);
        }

        Assert.Equal(["e1", "e2"], _server.Script.Requests.Select(r => r.Events[0].EventId));
    }

    private void FailFirst(int failures, StatusCode code)
    {
        var calls = 0;
        _server.Script.Publish = (request, _) => Interlocked.Increment(ref calls) <= failures
            ? throw new RpcException(new Status(code, "the journal is unavailable"))
            : Task.FromResult(new PublishReply { Accepted = request.Events.Count });
    }
}
