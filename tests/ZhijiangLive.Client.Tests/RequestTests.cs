using System.Net;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client.Tests;

public sealed class RequestTests
{
    private static readonly PublishRequest s_request = TestClients.Request;
    private static readonly PublishReply s_reply = TestClients.Reply;

    [Fact]
    public async Task PublishAsync_SendsAnHttp2PostWithGrpcHeadersAndTheFramedRequest()
    {
        var handler = new FakeHandler(() => FakeHandler.Grpc(Frames.Of(s_reply)));
        using var client = TestClients.Create(handler, defaultTimeout: TimeSpan.FromSeconds(3));
        await client.PublishAsync(s_request, new CallOptions { Metadata = [new("x-request-id", "42")] });
        var request = handler.Request!;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://zhijiang.test:5081/zhijiang.live.v1.Ingest/Publish", request.RequestUri?.ToString());
        Assert.Equal(HttpVersion.Version20, request.Version);
        Assert.Equal(HttpVersionPolicy.RequestVersionExact, request.VersionPolicy);
        Assert.Equal("application/grpc", request.Content?.Headers.ContentType?.MediaType);
        Assert.Equal("trailers", string.Join(",", request.Headers.GetValues("te")));
        Assert.Equal("3000000u", request.Headers.GetValues("grpc-timeout").Single());
        Assert.Equal("Bearer token", request.Headers.GetValues("authorization").Single());
        Assert.Equal("42", request.Headers.GetValues("x-request-id").Single());
        Assert.Equal(Frames.Of(s_request), handler.RequestBody);
    }

    [Fact]
    public async Task PublishAsync_CompressOption_SendsAGzipFrame()
    {
        var handler = new FakeHandler(() => FakeHandler.Grpc(Frames.Of(s_reply)));
        using var client = TestClients.Create(handler);
        await client.PublishAsync(s_request, new CallOptions { Compress = true });
        Assert.Equal("gzip", handler.Request!.Headers.GetValues("grpc-encoding").Single());
        Assert.Equal(Frames.Gzipped(s_request), handler.RequestBody);
    }

    [Fact]
    public async Task UnaryAsync_DeadlineAlreadyPassed_FailsWithoutSending()
    {
        var handler = new FakeHandler(() => FakeHandler.Grpc(Frames.Of(s_reply)));
        using var client = TestClients.Create(handler);
        var status = await TestClients.StatusOf(() => client.PublishAsync(s_request, new CallOptions { Deadline = DateTimeOffset.UtcNow.AddSeconds(-1) }));
        Assert.Equal(GrpcStatusCode.DeadlineExceeded, status.Code);
        Assert.Equal(0, handler.Calls);
    }
}
