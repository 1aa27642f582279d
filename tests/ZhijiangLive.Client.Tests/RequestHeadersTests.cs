using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client.Tests;

public sealed class RequestHeadersTests
{
    private static HttpRequestMessage Build(TimeSpan? timeout = null, bool compressed = false,
        IReadOnlyList<KeyValuePair<string, string>>? clientMetadata = null, IReadOnlyList<KeyValuePair<string, string>>? callMetadata = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost/zhijiang.live.v1.Ingest/Publish");
        RequestHeaders.Apply(request.Headers, "zhijiang-live-dotnet/1.0", timeout, compressed, clientMetadata, callMetadata);
        return request;
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Fact]
    public void Apply_PlainCall_SendsTeTrailersAcceptEncodingAndUserAgentOnly()
    {
        var request = Build();
        Assert.Equal("trailers", Header(request, "te"));
        Assert.Equal("identity,gzip", Header(request, "grpc-accept-encoding"));
        Assert.Equal("zhijiang-live-dotnet/1.0", Header(request, "user-agent"));
        Assert.Null(Header(request, "grpc-timeout"));
        Assert.Null(Header(request, "grpc-encoding"));
    }

    [Fact]
    public void Apply_Timeout_SendsGrpcTimeout()
    {
        Assert.Equal("250000u", Header(Build(timeout: TimeSpan.FromMilliseconds(250)), "grpc-timeout"));
    }

    [Fact]
    public void Apply_Compressed_SendsGrpcEncodingGzip()
    {
        Assert.Equal(MessageCompression.Gzip, Header(Build(compressed: true), "grpc-encoding"));
    }

    [Fact]
    public void Apply_Metadata_SendsTheClientsThenTheCalls()
    {
        var request = Build(
            clientMetadata: [new("authorization", "Bearer a"), new("x-tenant", "zj")],
            callMetadata: [new("x-tenant", "hz"), new("x-request-id", "42")]);
        Assert.Equal("Bearer a", Header(request, "authorization"));
        Assert.Equal("zj,hz", Header(request, "x-tenant"));
        Assert.Equal("42", Header(request, "x-request-id"));
    }

    [Fact]
    public void Apply_MetadataNamingAContentHeader_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Build(callMetadata: [new("content-type", "text/plain")]));
    }
}
