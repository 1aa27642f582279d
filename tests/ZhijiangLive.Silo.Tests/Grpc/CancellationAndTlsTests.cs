using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using ZhijiangLive.Client;
using ZhijiangLive.Silo.Grpc;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Grpc;

/// <summary>A client's reset stops the server's work; with a certificate, gRPC runs over TLS with ALPN.</summary>
public sealed class CancellationAndTlsTests
{
    [Fact]
    public async Task ClientReset_StopsTheCallOnTheServer()
    {
        await using var silo = await RunningSilo.StartAsync();
        await SeedRosterAsync(silo.Cluster);
        var dispatcher = silo.Services.GetRequiredService<GrpcGate>();
        using var client = silo.PlatformClient();
        var stream = client.OpenPublishStream();
        await stream.WriteAsync(Batch(Login("r1")));
        Assert.Equal(1, (await stream.ReadAsync())!.Accepted);
        Assert.Equal(1, dispatcher.ActiveCalls);

        await stream.DisposeAsync(); // RST_STREAM: the server's read must end at once, not at a deadline
        var gone = await Eventually(() => dispatcher.ActiveCalls == 0);

        Assert.True(gone, "the server still runs the stream the client reset");
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await client.CheckHealthAsync()).Status);
    }

    [Fact]
    public async Task WithACertificate_GrpcIsServedOverTls()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"zhijiang-test-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfx, SelfSigned().Export(X509ContentType.Pfx, "secret"));
        try
        {
            await using var silo = await RunningSilo.StartAsync(
                "--Zhijiang:Grpc:Url=https://127.0.0.1:0", $"--Zhijiang:Grpc:CertificatePath={pfx}", "--Zhijiang:Grpc:CertificatePassword=secret");
            using var client = new ZhijiangClient(silo.GrpcAddress, new ZhijiangClientOptions { AcceptAnyServerCertificate = true });

            var health = await client.CheckHealthAsync();

            Assert.Equal("https", silo.GrpcAddress.Scheme);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>The server learns of a reset asynchronously; give it a few seconds, checking often.</summary>
    private static async Task<bool> Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 250 && !condition(); i++)
        {
            await Task.Delay(20);
        }
        return condition();
    }
}
