using Google.Protobuf;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client.Tests;

public sealed class ResponseReaderTests
{
    private static readonly PublishReply s_first = new() { Accepted = 3, Rejections = { new Rejection { EventId = "e-1", Reason = "UNKNOWN_TEACHER" } } };
    private static readonly PublishReply s_second = new() { Accepted = 7, Duplicates = 2 };

    private static async Task<List<PublishReply>> ReadAll(Stream body, string? encoding = null, int maxMessageSize = 1 << 20)
    {
        using var reader = new ResponseReader(body, encoding, maxMessageSize);
        var replies = new List<PublishReply>();
        while (await reader.ReadAsync(PublishReply.Parser, CancellationToken.None) is { } reply)
        {
            replies.Add(reply);
        }
        return replies;
    }

    [Fact]
    public async Task ReadAsync_TwoMessagesSplitAtEveryByte_ComeOutWholeAndInOrder()
    {
        var body = Frames.Of(s_first, s_second);
        for (var split = 1; split < body.Length; split++)
        {
            var replies = await ReadAll(new ChunkedStream(body, split, body.Length));
            Assert.Equal([s_first, s_second], replies);
        }
    }

    [Fact]
    public async Task ReadAsync_OneByteAtATime_ReadsEveryMessage()
    {
        var body = Frames.Of(s_first, new PublishReply(), s_second);
        Assert.Equal([s_first, new PublishReply(), s_second], await ReadAll(new ChunkedStream(body, 1)));
    }

    [Fact]
    public async Task ReadAsync_GzipFramesSplitAtEveryByte_AreDecompressed()
    {
        var body = Frames.Gzipped(s_first, s_second);
        for (var split = 1; split < body.Length; split++)
        {
            Assert.Equal([s_first, s_second], await ReadAll(new ChunkedStream(body, split, body.Length), MessageCompression.Gzip));
        }
    }

    [Fact]
    public async Task ReadAsync_MessageLargerThanTheBuffer_GrowsToHoldIt()
    {
        var large = new PublishReply();
        for (var i = 0; i < 2000; i++)
        {
            large.Rejections.Add(new Rejection { Index = i, EventId = $"event-{i:D6}", Detail = new string('x', 30) });
        }
        Assert.True(large.CalculateSize() > 64 * 1024);
        var replies = await ReadAll(new ChunkedStream(Frames.Of(s_first, large, s_second), 1000));
        Assert.Equal([s_first, large, s_second], replies);
    }

    [Fact]
    public async Task ReadAsync_BodyEndsInsideAMessage_IsInternal()
    {
        var body = Frames.Of(s_first);
        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => ReadAll(new ChunkedStream(body[..^1])));
        Assert.Equal(GrpcStatusCode.Internal, error.Status.Code);
    }

    [Fact]
    public async Task ReadAsync_CompressedFlagWithoutEncoding_IsInternal()
    {
        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => ReadAll(new ChunkedStream(Frames.Gzipped(s_first))));
        Assert.Equal(GrpcStatusCode.Internal, error.Status.Code);
    }

    [Fact]
    public async Task ReadAsync_CompressedWithAnUnknownEncoding_IsUnimplemented()
    {
        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => ReadAll(new ChunkedStream(Frames.Gzipped(s_first)), "snappy"));
        Assert.Equal(GrpcStatusCode.Unimplemented, error.Status.Code);
    }

    [Fact]
    public async Task ReadAsync_MessageOverTheMaximum_IsResourceExhausted()
    {
        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => ReadAll(new ChunkedStream(Frames.Of(s_first)), maxMessageSize: 4));
        Assert.Equal(GrpcStatusCode.ResourceExhausted, error.Status.Code);
    }

    [Fact]
    public async Task ReadAsync_BytesThatAreNotTheMessage_IsInternal()
    {
        byte[] body = [0, 0, 0, 0, 2, 0x0A, 0x05];
        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => ReadAll(new ChunkedStream(body)));
        Assert.Equal(GrpcStatusCode.Internal, error.Status.Code);
    }

    [Fact]
    public async Task ReadAsync_AfterDispose_Throws()
    {
        var reader = new ResponseReader(new ChunkedStream(Frames.Of(s_first)), null, 1024);
        reader.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => reader.ReadAsync(PublishReply.Parser, CancellationToken.None).AsTask());
    }
}
