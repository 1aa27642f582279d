using System.Net;

namespace ZhijiangLive.Silo.Tests.Operations;

/// <summary><c>/metrics</c> is open, like <c>/healthz</c> and <c>/readyz</c>, and on the HTTP port only.</summary>
public sealed class MetricsAccessTests
{
    [Fact]
    public async Task Metrics_OnTheHttpPort_AnswersWithoutCredentials_AndTheGrpcPortHasNone()
    {
        await using var silo = await RunningSilo.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = silo.Http.BaseAddress };
        using var h2c = new HttpClient
        {
            BaseAddress = silo.GrpcAddress,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        var samples = await MetricsScrape.ScrapeAsync(anonymous);
        using var onGrpcPort = await h2c.GetAsync("/metrics");

        Assert.Equal(1, samples["zhijiang_silo_ready"]);
        Assert.Equal(HttpStatusCode.NotFound, onGrpcPort.StatusCode);
    }
}
