using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using ZhijiangLive.Silo.Tests.Fuzz.Http2;
using ZhijiangLive.Silo.Tests.Grpc;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Limits;

/// <summary>MaxMessageSize and MaxBatchEvents trip with their statuses; the call's connection and others carry on.</summary>
public sealed class MessageLimitTests() : LimitedSilo("--Zhijiang:Grpc:MaxMessageSize=65536", "--Zhijiang:Grpc:MaxBatchEvents=5")
{
    [Fact]
    public async Task MessageOverMaxMessageSize_SentWhole_IsResourceExhausted_AndTheConnectionServesTheNextCall()
    {
        await using var connection = await ConnectAsync();
        var body = new byte[5 + 65_537];
        GrpcWire.WritePrefix(body, 65_537, compressed: false);

        var reply = await connection.CallAsync(GrpcOverRawHttp2.Headers(Address, Publish), body);

        Assert.Equal(StatusCode.ResourceExhausted, reply.Status);
        Assert.Contains("exceeds the maximum configured message size", reply.GrpcMessage);
        await AssertPublishesAsync(connection);
        await AssertAnotherConnectionIsServedAsync();
    }

    [Fact]
    public async Task GzipMessageInflatingPastMaxMessageSize_IsResourceExhausted()
    {
        await using var connection = await ConnectAsync();
        // A megabyte of zeros is a few hundred bytes of gzip: small on the wire, too large once inflated.
        var body = RawGrpcFrame(GrpcWire.Gzip(new byte[1024 * 1024]), compressed: true);

        var reply = await connection.CallAsync(GrpcOverRawHttp2.Headers(Address, Publish, extra: ("grpc-encoding", "gzip")), body);

        Assert.Equal(StatusCode.ResourceExhausted, reply.Status);
        Assert.Contains("exceeds the maximum configured message size", reply.GrpcMessage);
        await AssertPublishesAsync(connection);
    }

    [Fact]
    public async Task BatchOverMaxBatchEvents_IsInvalidArgument_AndTheConnectionServesTheNextCall()
    {
        await using var connection = await ConnectAsync();
        var events = Enumerable.Range(0, 6).Select(i => Login($"over-{i}")).ToArray();

        var reply = await connection.CallAsync(GrpcOverRawHttp2.Headers(Address, Publish), RawGrpc.Frame(Batch(events)));

        Assert.Equal(StatusCode.InvalidArgument, reply.Status);
        Assert.Equal(0, (await Silo.Cluster.GetTeacherAsync("T1"))!.Scores.Day.Points);
        await AssertPublishesAsync(connection);
        await AssertAnotherConnectionIsServedAsync();
    }

    [Fact]
    public async Task BatchOverMaxBatchEvents_InAPublishStream_EndsThatStreamOnly()
    {
        await using var connection = await ConnectAsync();
        var stream = await connection.OpenAsync(GrpcOverRawHttp2.Headers(Address, PublishStream));
        var body = RawGrpc.Frame(Batch(Login("before"))).Concat(RawGrpc.Frame(Batch(Enumerable.Range(0, 6).Select(i => Login($"s-over-{i}")).ToArray())));

        await connection.SendDataAsync(stream.StreamId, [.. body], endStream: false);
        await stream.Ended.WaitAsync(GrpcOverRawHttp2.ResponseTimeout);

        Assert.Equal(StatusCode.InvalidArgument, stream.Status);
        // The reply owed before it was sent; nothing of the oversize batch was taken.
        Assert.Equal(1, Assert.Single(stream.Messages(PublishReply.Parser)).Accepted);
        await AssertPublishesAsync(connection);
    }

    private static byte[] RawGrpcFrame(byte[] message, bool compressed)
    {
        var frame = new byte[5 + message.Length];
        GrpcWire.WritePrefix(frame, message.Length, compressed);
        message.CopyTo(frame, 5);
        return frame;
    }
}
