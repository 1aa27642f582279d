using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client.Tests;

public sealed class DuplexCallTests : IDisposable
{
    private readonly FakeDuplexServer _server = new();
    private readonly ZhijiangClient _client;

    public DuplexCallTests() => _client = new ZhijiangClient(new Uri("http://zhijiang.test"), new ZhijiangClientOptions { Handler = _server });

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    private static PublishRequest Request(int events, string firstId = "e")
    {
        var request = new PublishRequest();
        for (var i = 0; i < events; i++)
        {
            request.Events.Add(new ActivityEvent { EventId = i == 0 ? firstId : $"e-{i}" });
        }
        return request;
    }

    [Fact]
    public async Task PublishStream_EachReply_ArrivesBeforeTheNextRequestIsWritten()
    {
        await using var call = _client.OpenPublishStream();
        for (var i = 1; i <= 3; i++)
        {
            await call.WriteAsync(Request(i));
            var reply = await call.ReadAsync();
            Assert.Equal(new PublishReply { Accepted = i, Duplicates = i }, reply);
        }
        await call.CompleteAsync();
        Assert.Null(await call.ReadAsync());
        Assert.Equal(GrpcStatus.Ok, call.Status);
    }

    [Fact]
    public async Task PublishStream_WritesThenHalfClose_RepliesComeInOrder()
    {
        await using var call = _client.OpenPublishStream(new CallOptions { Compress = true });
        var writer = Task.Run(async () =>
        {
            for (var i = 1; i <= 100; i++)
            {
                await call.WriteAsync(Request(1 + i % 5));
            }
            await call.CompleteAsync();
        });
        var ordinals = new List<int>();
        await foreach (var reply in call)
        {
            ordinals.Add(reply.Duplicates);
        }
        await writer;
        Assert.Equal(Enumerable.Range(1, 100), ordinals);
    }

    [Fact]
    public async Task PublishStream_ServerEndsWithAnError_ReadsAndLaterWritesThrowIt()
    {
        await using var call = _client.OpenPublishStream();
        await call.WriteAsync(Request(1));
        await call.ReadAsync();
        await call.WriteAsync(Request(1, firstId: "abort"));
        var read = await Assert.ThrowsAsync<GrpcStatusException>(() => call.ReadAsync().AsTask());
        Assert.Equal(GrpcStatusCode.ResourceExhausted, read.Status.Code);
        var write = await Assert.ThrowsAsync<GrpcStatusException>(() => call.WriteAsync(Request(1)).AsTask());
        Assert.Equal(GrpcStatusCode.ResourceExhausted, write.Status.Code);
    }

    [Fact]
    public async Task PublishStream_DisposedBeforeTheEnd_CancelsTheRequest()
    {
        var call = _client.OpenPublishStream();
        await call.WriteAsync(Request(1));
        await call.ReadAsync();
        await call.DisposeAsync();
        await _server.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task PublishStream_ReadCancelled_CancelsTheCall()
    {
        await using var call = _client.OpenPublishStream();
        using var cts = new CancellationTokenSource();
        var read = call.ReadAsync(cts.Token).AsTask();
        cts.Cancel();
        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => read);
        Assert.Equal(GrpcStatusCode.Cancelled, error.Status.Code);
        await _server.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task PublishStream_WriteAfterHalfClose_IsRefused()
    {
        await using var call = _client.OpenPublishStream();
        await call.CompleteAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => call.WriteAsync(Request(1)).AsTask());
    }
}
