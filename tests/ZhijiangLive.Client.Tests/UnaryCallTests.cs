using System.Net;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client.Tests;

public sealed class UnaryCallTests
{
    private static readonly PublishRequest s_request = TestClients.Request;
    private static readonly PublishReply s_reply = TestClients.Reply;

    [Fact]
    public async Task UnaryAsync_OkResponse_ReturnsItsMessage()
    {
        using var client = TestClients.Create(new FakeHandler(() => FakeHandler.Grpc(Frames.Of(s_reply))));
        Assert.Equal(s_reply, await client.PublishAsync(s_request));
    }

    [Fact]
    public async Task UnaryAsync_GzipResponse_IsDecompressed()
    {
        using var client = TestClients.Create(new FakeHandler(() => FakeHandler.Grpc(Frames.Gzipped(s_reply), encoding: "gzip")));
        Assert.Equal(s_reply, await client.PublishAsync(s_request));
    }

    [Fact]
    public async Task UnaryAsync_TrailersOnlyError_ThrowsItsStatusAndDecodedMessage()
    {
        using var client = TestClients.Create(new FakeHandler(() => FakeHandler.TrailersOnly(GrpcStatusCode.InvalidArgument, "教师不存在: t-1")));
        Assert.Equal(new GrpcStatus(GrpcStatusCode.InvalidArgument, "教师不存在: t-1"), await TestClients.StatusOf(() => client.PublishAsync(s_request)));
    }

    [Fact]
    public async Task UnaryAsync_MessageThenErrorInTrailers_ThrowsTheStatus()
    {
        using var client = TestClients.Create(new FakeHandler(() => FakeHandler.Grpc(Frames.Of(s_reply), GrpcStatusCode.Aborted, "lost the lock")));
        Assert.Equal(new GrpcStatus(GrpcStatusCode.Aborted, "lost the lock"), await TestClients.StatusOf(() => client.PublishAsync(s_request)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task UnaryAsync_OkWithOtherThanOneMessage_IsInternal(int messages)
    {
        var body = Frames.Of(Enumerable.Repeat(s_reply, messages).ToArray());
        using var client = TestClients.Create(new FakeHandler(() => FakeHandler.Grpc(body)));
        Assert.Equal(GrpcStatusCode.Internal, (await TestClients.StatusOf(() => client.PublishAsync(s_request))).Code);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, GrpcStatusCode.Unimplemented)]
    [InlineData(HttpStatusCode.ServiceUnavailable, GrpcStatusCode.Unavailable)]
    [InlineData(HttpStatusCode.Unauthorized, GrpcStatusCode.Unauthenticated)]
    public async Task UnaryAsync_NonGrpcHttpError_MapsTheHttpStatus(HttpStatusCode http, GrpcStatusCode expected)
    {
        using var client = TestClients.Create(new FakeHandler(() => FakeHandler.Http(http, "text/html", "<h1>no</h1>"u8.ToArray())));
        Assert.Equal(expected, (await TestClients.StatusOf(() => client.PublishAsync(s_request))).Code);
    }

    [Fact]
    public async Task UnaryAsync_ConnectionFails_IsUnavailable()
    {
        using var client = TestClients.Create(new FakeHandler((_, _) => throw new HttpRequestException("Connection refused")));
        Assert.Equal(GrpcStatusCode.Unavailable, (await TestClients.StatusOf(() => client.PublishAsync(s_request))).Code);
    }

    [Fact]
    public async Task UnaryAsync_CallerCancels_IsCancelledAndCancelsTheRequest()
    {
        var entered = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new FakeHandler(async (_, ct) => { entered.SetResult(ct); await Task.Delay(Timeout.Infinite, ct); throw new InvalidOperationException(); });
        using var client = TestClients.Create(handler);
        using var cts = new CancellationTokenSource();
        var call = client.PublishAsync(s_request, cancellationToken: cts.Token);
        var requestToken = await entered.Task;
        cts.Cancel();
        Assert.Equal(GrpcStatusCode.Cancelled, (await TestClients.StatusOf(() => call)).Code);
        Assert.True(requestToken.IsCancellationRequested);
    }

    [Fact]
    public async Task UnaryAsync_CallerCancelsACallWithADeadline_IsCancelledNotDeadlineExceeded()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new FakeHandler(async (_, ct) => { entered.SetResult(); await Task.Delay(Timeout.Infinite, ct); throw new InvalidOperationException(); });
        using var client = TestClients.Create(handler, time);
        using var cts = new CancellationTokenSource();
        var call = client.PublishAsync(s_request, new CallOptions { Timeout = TimeSpan.FromSeconds(2) }, cts.Token);
        await entered.Task;
        cts.Cancel();
        Assert.Equal(GrpcStatusCode.Cancelled, (await TestClients.StatusOf(() => call)).Code);
    }

    [Fact]
    public async Task UnaryAsync_DeadlinePasses_IsDeadlineExceededAndCancelsTheRequest()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var entered = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new FakeHandler(async (_, ct) => { entered.SetResult(ct); await Task.Delay(Timeout.Infinite, ct); throw new InvalidOperationException(); });
        using var client = TestClients.Create(handler, time);
        var call = client.PublishAsync(s_request, new CallOptions { Timeout = TimeSpan.FromSeconds(2) });
        var requestToken = await entered.Task;
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(GrpcStatusCode.DeadlineExceeded, (await TestClients.StatusOf(() => call)).Code);
        Assert.True(requestToken.IsCancellationRequested);
    }
}
