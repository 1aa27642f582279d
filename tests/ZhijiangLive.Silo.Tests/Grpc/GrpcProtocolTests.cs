using System.Net;
using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using ZhijiangLive.Silo.Tests.Fuzz.Http2;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Grpc;

/// <summary>The wire protocol of the gRPC endpoint, request by hand-built request (grpc/grpc's PROTOCOL-HTTP2).</summary>
public sealed class GrpcProtocolTests() : SeededSilo("--Zhijiang:Grpc:MaxMessageSize=65536")
{
    [Fact]
    public async Task Publish_Ok_SendsReplyThenStatusInTrailers()
    {
        var reply = await Grpc.SendAsync(Publish, RawGrpc.Frame(Batch(Login("e1"))));

        Assert.Equal(HttpStatusCode.OK, reply.Http);
        Assert.Equal("application/grpc", reply.Headers["content-type"]);
        Assert.Equal("0", reply.Trailers["grpc-status"]);
        Assert.Equal(1, Assert.Single(reply.Messages(PublishReply.Parser)).Accepted);
    }

    [Fact]
    public async Task Get_IsNotFound_OnlyPostIsRouted()
    {
        var reply = await Grpc.SendAsync(Publish, [], method: HttpMethod.Get);

        Assert.Equal(HttpStatusCode.NotFound, reply.Http);
    }

    [Fact]
    public async Task Http11_IsRefusedByTheHttp2OnlyEndpoint()
    {
        using var http11 = new HttpClient { BaseAddress = Silo.GrpcAddress };

        var response = await http11.PostAsync(Publish, new ByteArrayContent(RawGrpc.Frame(Batch(Login("e-h1")))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await Silo.Cluster.GetTeacherAsync("T1"))!.Scores.Day.Points);
    }

    [Fact]
    public async Task JsonContentType_IsRefusedWith415()
    {
        var reply = await Grpc.SendAsync(Publish, RawGrpc.Frame(Batch()), contentType: "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.Http);
        Assert.Equal(StatusCode.Internal, reply.Status);
    }

    [Fact]
    public async Task GrpcProtoContentType_IsAccepted()
    {
        var reply = await Grpc.SendAsync(Publish, RawGrpc.Frame(Batch(Login("e-proto"))), contentType: "application/grpc+proto");

        Assert.Equal(StatusCode.OK, reply.Status);
    }

    [Theory]
    [InlineData("/zhijiang.live.v1.Ingest/Unpublish", "method")]
    [InlineData("/zhijiang.live.v1.Nowhere/Publish", "service")]
    public async Task UnknownMethodOrService_IsUnimplemented_TrailersOnly(string path, string named)
    {
        var reply = await Grpc.SendAsync(path, RawGrpc.Frame(Batch()));

        Assert.Equal(HttpStatusCode.OK, reply.Http);
        Assert.True(reply.TrailersOnly);
        Assert.Equal(StatusCode.Unimplemented, reply.Status);
        Assert.Contains(named, reply.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GzipMessage_IsAccepted()
    {
        var reply = await Grpc.SendAsync(Publish, RawGrpc.Frame(Batch(Login("e-gz")), gzip: true), headers: ("grpc-encoding", "gzip"));

        Assert.Equal(StatusCode.OK, reply.Status);
        Assert.Equal(1, Assert.Single(reply.Messages(PublishReply.Parser)).Accepted);
    }

    [Fact]
    public async Task CompressedMessageInAnUnsupportedEncoding_IsUnimplemented_AndNamesAcceptedOnes()
    {
        var reply = await Grpc.SendAsync(Publish, RawGrpc.Frame(Batch(), gzip: true), headers: ("grpc-encoding", "snappy"));

        Assert.Equal(StatusCode.Unimplemented, reply.Status);
        Assert.Contains("gzip", reply.Headers["grpc-accept-encoding"]);
    }

    [Fact]
    public async Task CompressedFlagWithoutEncoding_IsInternal()
    {
        var reply = await Grpc.SendAsync(Publish, RawGrpc.Frame(Batch(Login("e-flag")), gzip: true));

        Assert.Equal(StatusCode.Internal, reply.Status);
    }

    [Fact]
    public async Task UncompressedMessage_IsServed_WhateverTheEncodingHeaderSays()
    {
        // grpc-encoding names how compressed messages are compressed; an uncompressed one needs none.
        var reply = await Grpc.SendAsync(Publish, RawGrpc.Frame(Batch(Login("e-snappy"))), headers: ("grpc-encoding", "snappy"));

        Assert.Equal(StatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task OversizePrefix_IsRefusedBeforeTheBody()
    {
        // The prefix announces 4 GiB and no body follows: only the prefix can have been read.
        var reply = await Grpc.SendAsync(Publish, [0, 0xFF, 0xFF, 0xFF, 0xFF]);

        // Past int.MaxValue Grpc.AspNetCore answers UNKNOWN; 65,537 bytes is RESOURCE_EXHAUSTED (MessageLimitTests).
        Assert.Equal(StatusCode.Unknown, reply.Status);
    }

    [Fact]
    public async Task BadFlagByte_IsUnknown()
    {
        var body = RawGrpc.Frame(Batch(Login("e-bad")));
        body[0] = 7;

        var reply = await Grpc.SendAsync(Publish, body);

        // Grpc.AspNetCore reads a unary request before any handler runs, and answers UNKNOWN when it cannot.
        Assert.Equal(StatusCode.Unknown, reply.Status);
    }

    [Fact]
    public async Task TruncatedMessage_IsInternal()
    {
        var body = RawGrpc.Frame(Batch(Login("e-cut")));

        var reply = await Grpc.SendAsync(Publish, body[..^3]);

        Assert.Equal(StatusCode.Internal, reply.Status);
        Assert.Contains("incomplete", reply.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BytesThatDoNotParse_InAUnaryCall_AreUnknown()
    {
        var reply = await Grpc.SendAsync(Publish, [0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF]);

        Assert.Equal(StatusCode.Unknown, reply.Status);
    }

    [Fact]
    public async Task BytesThatDoNotParse_InAStream_AreInternal()
    {
        var reply = await Grpc.SendAsync(PublishStream, [0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF]);

        Assert.Equal(StatusCode.Internal, reply.Status);
        Assert.Contains("could not be read", reply.Message);
    }

    [Fact]
    public async Task NoMessage_IsInternal()
    {
        var reply = await Grpc.SendAsync(Publish, []);

        Assert.Equal(StatusCode.Internal, reply.Status);
    }

    [Fact]
    public async Task MessageSplitOverManyDataFrames_IsReassembled()
    {
        var body = RawGrpc.Frame(Batch(Login("e-split-1"), Teaching("e-split-2", "s1")));

        var reply = await Grpc.SendAsync(Publish, new TrickleContent(body, pieceSize: 3));

        Assert.Equal(StatusCode.OK, reply.Status);
        Assert.Equal(2, Assert.Single(reply.Messages(PublishReply.Parser)).Accepted);
    }

    [Fact]
    public async Task MalformedTimeout_IsTakenAsNoDeadline()
    {
        var reply = await Grpc.SendAsync(Publish, RawGrpc.Frame(Batch(Login("e-soon"))), headers: ("grpc-timeout", "soon"));

        Assert.Equal(StatusCode.OK, reply.Status);
        Assert.Equal(1, Assert.Single(reply.Messages(PublishReply.Parser)).Accepted);
    }

    [Fact]
    public async Task Deadline_EndsAStreamTheClientLeavesOpen()
    {
        await using var connection = await RawHttp2Connection.ConnectAsync(Silo.GrpcAddress);
        var exchange = await connection.OpenAsync(GrpcOverRawHttp2.Headers(Silo.GrpcAddress, PublishStream, extra: ("grpc-timeout", "300m")));
        await connection.SendDataAsync(exchange.StreamId, RawGrpc.Frame(Batch(Login("e-deadline"))), endStream: false);

        await exchange.Ended.WaitAsync(GrpcOverRawHttp2.ResponseTimeout);

        Assert.Equal(StatusCode.DeadlineExceeded, exchange.Status);
        // The batch that came before the deadline was answered.
        Assert.Equal(1, Assert.Single(exchange.Messages(PublishReply.Parser)).Accepted);
    }

    [Fact]
    public async Task ChineseStatusMessage_IsPercentEncodedUtf8()
    {
        var reply = await Grpc.SendAsync("/zhijiang.live.v1.Query/GetTeacher",
            RawGrpc.Frame(new GetRequest { Id = "不存在" }));

        Assert.Equal(StatusCode.PermissionDenied, reply.Status);
        Assert.DoesNotContain("不存在", reply.Trailers.GetValueOrDefault("grpc-message") ?? reply.Headers["grpc-message"]);
        Assert.Contains("不存在", reply.Message);
    }
}
