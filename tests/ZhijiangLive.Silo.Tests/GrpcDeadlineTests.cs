using System.Net;
using System.Net.Http.Headers;

namespace ZhijiangLive.Silo.Tests;

/// <summary>Deadlines as clients send them in <c>grpc-timeout</c>, over real HTTP/2.</summary>
public sealed class GrpcDeadlineTests
{
    [Theory]
    [InlineData("1H")]
    [InlineData("1440H")]      // 60 days: past what a .NET timer can wait (about 49.7 days)
    [InlineData("99999999H")]  // the largest the header can say
    public async Task HealthCheck_WithADistantDeadline_IsServed(string timeout)
    {
        await using var silo = await RunningSilo.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(silo.GrpcAddress, "/grpc.health.v1.Health/Check"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            // One empty HealthCheckRequest (the server as a whole): flag 0, length 0.
            Content = new ByteArrayContent(new byte[5]) { Headers = { ContentType = new MediaTypeHeaderValue("application/grpc") } },
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
        Assert.Equal([0, 0, 0, 0, 2, 0x08, 0x01], body); // status: SERVING
    }
}
