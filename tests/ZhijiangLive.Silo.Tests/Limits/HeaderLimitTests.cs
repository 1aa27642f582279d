using System.Net;
using Grpc.Core;
using ZhijiangLive.Silo.Tests.Fuzz.Http2;
using ZhijiangLive.Silo.Tests.Grpc;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Limits;

/// <summary>
/// Kestrel's HTTP/2 header limits as Kestrel enforces them: too many headers, or too many bytes of them
/// together, is an HTTP 431 on that stream; one field over its size is a connection error (GOAWAY
/// COMPRESSION_ERROR: the HPACK decoder refuses it), which ends that connection's other calls too.
/// </summary>
public sealed class HeaderLimitTests() : LimitedSilo(
    "--Zhijiang:Limits:MaxRequestHeaderFieldSize=2048", "--Zhijiang:Limits:MaxRequestHeadersTotalSize=8192",
    "--Zhijiang:Limits:MaxRequestHeaderCount=30")
{
    [Fact]
    public async Task FieldUnderTheFieldSize_IsServed()
    {
        await using var connection = await ConnectAsync();

        var reply = await connection.CallAsync(Headers(("x-note", new string('a', 1900))), Body("field-ok"));

        Assert.Equal(StatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task FieldOverTheFieldSize_EndsTheConnectionWithCompressionError_AndOthersAreServed()
    {
        await using var connection = await ConnectAsync();
        var bystander = await connection.OpenAsync(GrpcOverRawHttp2.Headers(Address, PublishStream));

        var reply = await connection.CallAsync(Headers(("x-note", new string('a', 2100))), Body("field-over"));

        Assert.Equal(StreamEnd.ConnectionEnded, await reply.Ended);
        Assert.Empty(reply.Headers);
        Assert.Equal(Http2Error.CompressionError, (await connection.Closed.WaitAsync(GrpcOverRawHttp2.ResponseTimeout))!.Error);
        Assert.Equal(StreamEnd.ConnectionEnded, await bystander.Ended);
        await AssertAnotherConnectionIsServedAsync();
    }

    [Fact]
    public async Task HeadersOverTheTotalSize_Are431_AndTheConnectionServesTheNextCall()
    {
        await using var connection = await ConnectAsync();
        var fields = Enumerable.Range(0, 5).Select(i => ($"x-note-{i}", new string('b', 1800))).ToArray();

        var reply = await connection.CallAsync(Headers(fields), Body("total-over"));

        Assert.Equal(StreamEnd.Completed, await reply.Ended);
        Assert.Equal((int)HttpStatusCode.RequestHeaderFieldsTooLarge, reply.HttpStatus);
        Assert.Null(reply.Status);
        await AssertPublishesAsync(connection);
        await AssertAnotherConnectionIsServedAsync();
    }

    [Fact]
    public async Task MoreHeadersThanTheCount_Are431_AndTheConnectionServesTheNextCall()
    {
        await using var connection = await ConnectAsync();
        var fields = Enumerable.Range(0, 30).Select(i => ($"x-n{i}", "v")).ToArray();

        var reply = await connection.CallAsync(Headers(fields), Body("count-over"));

        Assert.Equal((int)HttpStatusCode.RequestHeaderFieldsTooLarge, reply.HttpStatus);
        await AssertPublishesAsync(connection);
    }

    private List<(string Name, string Value)> Headers(params (string Name, string Value)[] extra) =>
        GrpcOverRawHttp2.Headers(Address, Publish, extra: extra);

    private static byte[] Body(string eventId) => RawGrpc.Frame(Batch(Login(eventId)));
}
