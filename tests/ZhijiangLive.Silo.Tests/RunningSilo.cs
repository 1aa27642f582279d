using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using ZhijiangLive.Client;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Silo.Grpc;

namespace ZhijiangLive.Silo.Tests;

/// <summary>A real silo on a free loopback port, started by the test that needs it and stopped with it.</summary>
internal sealed class RunningSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningSilo(WebApplication app, Uri address, Uri grpcAddress)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = address };
        // The JSON API takes a bureau token: the province's reads everything.
        Http.DefaultRequestHeaders.Authorization = new("Bearer", TestCredentials.ProvinceToken);
        GrpcAddress = grpcAddress;
    }

    public HttpClient Http { get; }

    /// <summary>The gRPC endpoint (HTTP/2 cleartext) on its own free port.</summary>
    public Uri GrpcAddress { get; }
    public IServiceProvider Services => _app.Services;
    public ZhijiangCluster Cluster => _app.Services.GetRequiredService<ZhijiangCluster>();

    /// <summary>A gRPC client with the platform key: Ingest, Roster, Health.</summary>
    public ZhijiangClient PlatformClient(string key = TestCredentials.PlatformKey) => TestClients.Platform(GrpcAddress, key);

    /// <summary>A gRPC client with a bureau token (the province's unless told otherwise): Query, Health.</summary>
    public ZhijiangClient QueryClient(string? token = null) => TestClients.Bureau(GrpcAddress, token);

    /// <summary>10:00 on 2 March 2026 in Shanghai: the silo's clock stands still there, so no test meets a midnight.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public static Task<RunningSilo> StartAsync(params string[] settings) => StartAsync(new StoppedClock(Now), settings);

    /// <summary>A silo on the given clock (a <see cref="StoppedClock"/> that a test moves, say).</summary>
    public static Task<RunningSilo> StartAsync(TimeProvider clock, params string[] settings) => StartAsync(clock, null, settings);

    /// <summary>A silo on the given clock whose builder the test may add to (a log provider, say) before it is built.</summary>
    public static async Task<RunningSilo> StartAsync(TimeProvider clock, Action<WebApplicationBuilder>? configure, params string[] settings)
    {
        var app = SiloApplication.Build(
            ["--urls", "http://127.0.0.1:0", "--Zhijiang:Grpc:Url=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
             "--Zhijiang:Store:Provider=memory", .. TestCredentials.SiloSettings, .. settings],
            builder =>
            {
                builder.Services.AddSingleton(clock);
                configure?.Invoke(builder);
            });
        await app.StartAsync();
        var grpc = app.Services.GetRequiredService<GrpcEndpoint>().Address;
        var http = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Select(a => new Uri(a)).Single(a => a.Port != grpc.Port);
        return new RunningSilo(app, http, grpc);
    }

    /// <summary>A clock that stands still until the test moves it; its timers still run in real time.</summary>
    public sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
