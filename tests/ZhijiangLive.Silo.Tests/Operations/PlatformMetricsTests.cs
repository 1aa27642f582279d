using ZhijiangLive.Silo.Tests.Durability;
namespace ZhijiangLive.Silo.Tests.Operations;

/// <summary>Beside the silo's own, <c>/metrics</c> has Orleans', ASP.NET Core's requests, Kestrel's connections and the runtime's figures.</summary>
public sealed class PlatformMetricsTests
{
    private const string SessionRequests = "http_server_request_duration_seconds_count{http_request_method=\"GET\",http_response_status_code=\"200\"," +
        "http_route=\"/api/session\",network_protocol_version=\"1.1\",url_scheme=\"http\"}";

    [Fact]
    public async Task Metrics_CountTheApisRequests_KestrelsConnections_AndTheRuntimesAllocations()
    {
        await using var silo = await RunningSilo.StartAsync();
        (await silo.Http.GetAsync("/api/session")).EnsureSuccessStatusCode();

        // A request is counted once its response is sent, which the client may see first.
        var samples = await MetricsScrape.ScrapeUntilAsync(silo.Http, SessionRequests, 1);

        var port = silo.Http.BaseAddress!.Port;
        Assert.Contains(samples, s => s.Key.StartsWith("kestrel_active_connections{", StringComparison.Ordinal)
            && s.Key.Contains($"server_port=\"{port}\"", StringComparison.Ordinal) && s.Value >= 1);
        Assert.True(samples["dotnet_gc_heap_total_allocated_bytes_total"] > 0);
    }

    [Fact]
    public async Task Metrics_HaveOrleansOwnFigures_ActivationsAndMessages()
    {
        await using var silo = await RunningSilo.StartAsync();
        using var client = silo.PlatformClient();
        await client.UpsertRosterAsync(CrashRoster.Batch());

        var samples = await MetricsScrape.ScrapeAsync(silo.Http);

        // The roster's teachers are teacher grains, as Orleans counts them.
        Assert.True(samples["orleans_grains{grain_type=\"teacher\"}"] >= 1);
        Assert.True(samples["orleans_messaging_sent_local_total"] > 0);
    }

    [Fact]
    public async Task Metrics_LeaveOutOrleansGaugesThatWalkEveryActivation()
    {
        await using var silo = await RunningSilo.StartAsync();

        var samples = await MetricsScrape.ScrapeAsync(silo.Http);

        Assert.Contains(samples.Keys, k => k.StartsWith("orleans_grains{", StringComparison.Ordinal));
        Assert.DoesNotContain(samples.Keys, k => k.StartsWith("orleans_catalog_activations{", StringComparison.Ordinal));
        Assert.DoesNotContain(samples.Keys, k => k.StartsWith("orleans_directory_cache_size", StringComparison.Ordinal));
    }
}
