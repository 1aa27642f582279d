using System.Net;
using System.Net.Http.Headers;

namespace ZhijiangLive.Silo.Tests.Grpc;

/// <summary>gRPC is served on its own listener only, and the JSON API never on the gRPC listener (GrpcGate).</summary>
public sealed class ListenerSeparationTests() : SeededSilo
{
    [Fact]
    public async Task GrpcMethod_OnTheHttpPort_IsNotFound()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, GrpcFixtures.Publish)
        {
            Content = new ByteArrayContent(RawGrpc.Frame(GrpcFixtures.Batch(GrpcFixtures.Login("e-wrong-port")))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestCredentials.PlatformKey);

        using var response = await Silo.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, (await Silo.Cluster.GetTeacherAsync("T1"))!.Scores.Day.Points);
    }

    [Fact]
    public async Task JsonApi_OnTheGrpcPort_IsNotFound()
    {
        using var h2c = new HttpClient
        {
            BaseAddress = Silo.GrpcAddress,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        h2c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestCredentials.ProvinceToken);

        using var onGrpcPort = await h2c.GetAsync("/api/session");
        using var onHttpPort = await Silo.Http.GetAsync("/api/session");

        Assert.Equal(HttpStatusCode.NotFound, onGrpcPort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onHttpPort.StatusCode);
    }
}
