using Grpc.Core;
using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Client.Tests;

public sealed class DeadlineTests : IAsyncLifetime
{
    private ScriptedServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ATimeout_ReachesTheServerAsItsDeadline_AndEndsTheCall()
    {
        _server.Script.Publish = Hang;
        using var client = _server.Client();
        var sent = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.PublishAsync(Requests.Logins("e1"), new ZhijiangCallOptions { Timeout = TimeSpan.FromSeconds(1.5) }));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.InRange(Assert.Single(_server.Script.Calls).Deadline, sent.AddSeconds(1), sent.AddSeconds(3));
    }

    [Fact]
    public async Task TheEarlierOfTimeoutAndDeadline_Wins()
    {
        using var client = _server.Client();
        var sent = DateTime.UtcNow;

        await client.PublishAsync(Requests.Logins("e1"), new ZhijiangCallOptions { Timeout = TimeSpan.FromHours(1), Deadline = DateTimeOffset.UtcNow.AddMinutes(1) });
        await client.PublishAsync(Requests.Logins("e2"), new ZhijiangCallOptions { Timeout = TimeSpan.FromMinutes(1), Deadline = DateTimeOffset.UtcNow.AddHours(1) });

        Assert.All(_server.Script.Calls, call => Assert.InRange(call.Deadline, sent.AddSeconds(50), sent.AddSeconds(70)));
    }

    [Fact]
    public async Task TheClientsDefaultTimeout_AppliesOnlyToACallWithoutItsOwn()
    {
        using var client = _server.Client(new ZhijiangClientOptions { DefaultTimeout = TimeSpan.FromMinutes(1) });
        var sent = DateTime.UtcNow;

        await client.PublishAsync(Requests.Logins("e1"));
        await client.PublishAsync(Requests.Logins("e2"), new ZhijiangCallOptions { Timeout = TimeSpan.FromHours(1) });

        var calls = _server.Script.Calls.ToArray();
        Assert.InRange(calls[0].Deadline, sent.AddSeconds(50), sent.AddSeconds(70));
        Assert.InRange(calls[1].Deadline, sent.AddMinutes(59), sent.AddMinutes(61));
    }

    [Fact]
    public async Task ADeadlineAlreadyPassed_FailsWithoutReachingTheServer()
    {
        using var client = _server.Client();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.PublishAsync(Requests.Logins("e1"), new ZhijiangCallOptions { Deadline = DateTimeOffset.UtcNow.AddSeconds(-1) }));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Empty(_server.Script.Calls);
    }

    [Fact]
    public async Task TheCallersToken_CancelsTheCall()
    {
        _server.Script.Publish = Hang;
        using var client = _server.Client();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.PublishAsync(Requests.Logins("e1"), cancellationToken: cancel.Token));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    private static async Task<PublishReply> Hang(PublishRequest request, ServerCallContext context)
    {
        await Task.Delay(Timeout.Infinite, context.CancellationToken);
        return new PublishReply();
    }
}
