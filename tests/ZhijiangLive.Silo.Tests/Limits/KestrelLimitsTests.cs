using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ZhijiangLive.Silo.Tests.Limits;

/// <summary>Every <c>Zhijiang:Limits</c> setting reaches Kestrel or the hub, and the defaults are README's.</summary>
public sealed class KestrelLimitsTests
{
    [Fact]
    public async Task EverySetting_ReachesKestrelAndTheHub()
    {
        await using var app = SiloApplication.Build([
            "--urls", "http://127.0.0.1:0", "--Zhijiang:Grpc:Url=http://127.0.0.1:0", "--Zhijiang:Store:Provider=memory",
            "--Zhijiang:Limits:MaxConcurrentConnections=7", "--Zhijiang:Limits:MaxStreamsPerConnection=9",
            "--Zhijiang:Limits:HeaderTableSize=1024", "--Zhijiang:Limits:MaxFrameSize=32768",
            "--Zhijiang:Limits:MaxRequestHeaderFieldSize=4000", "--Zhijiang:Limits:MaxRequestHeadersTotalSize=16000",
            "--Zhijiang:Limits:MaxRequestHeaderCount=40", "--Zhijiang:Limits:InitialConnectionWindowSize=2097152",
            "--Zhijiang:Limits:InitialStreamWindowSize=524288", "--Zhijiang:Limits:KeepAliveTimeout=00:01:00",
            "--Zhijiang:Limits:RequestHeadersTimeout=00:00:07", "--Zhijiang:Limits:KeepAlivePingDelay=00:00:30",
            "--Zhijiang:Limits:KeepAlivePingTimeout=00:00:11", "--Zhijiang:Limits:MinRequestBodyDataRate=100",
            "--Zhijiang:Limits:MinDataRateGracePeriod=00:00:03", "--Zhijiang:Limits:MinResponseDataRate=0",
            "--Zhijiang:Limits:HubMaximumReceiveMessageSize=2048",
        ]);

        var limits = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        var http2 = limits.Http2;
        Assert.Equal((7L, 7L), (limits.MaxConcurrentConnections, limits.MaxConcurrentUpgradedConnections));
        Assert.Equal((9, 1024, 32768, 4000), (http2.MaxStreamsPerConnection, http2.HeaderTableSize, http2.MaxFrameSize, http2.MaxRequestHeaderFieldSize));
        Assert.Equal((16000, 40), (limits.MaxRequestHeadersTotalSize, limits.MaxRequestHeaderCount));
        Assert.Equal((2097152, 524288), (http2.InitialConnectionWindowSize, http2.InitialStreamWindowSize));
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(7)), (limits.KeepAliveTimeout, limits.RequestHeadersTimeout));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(11)), (http2.KeepAlivePingDelay, http2.KeepAlivePingTimeout));
        Assert.Equal((100.0, TimeSpan.FromSeconds(3)), (limits.MinRequestBodyDataRate!.BytesPerSecond, limits.MinRequestBodyDataRate.GracePeriod));
        Assert.Null(limits.MinResponseDataRate);
        Assert.Equal(2048, app.Services.GetRequiredService<IOptions<HubOptions>>().Value.MaximumReceiveMessageSize);
    }

    [Fact]
    public async Task Defaults_AreThoseInTheReadme()
    {
        await using var app = SiloApplication.Build(["--urls", "http://127.0.0.1:0", "--Zhijiang:Grpc:Url=http://127.0.0.1:0", "--Zhijiang:Store:Provider=memory"]);

        var limits = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        var http2 = limits.Http2;
        Assert.Null(limits.MaxConcurrentConnections);
        Assert.Equal((100, 4096, 16384, 8192), (http2.MaxStreamsPerConnection, http2.HeaderTableSize, http2.MaxFrameSize, http2.MaxRequestHeaderFieldSize));
        Assert.Equal((32768, 100), (limits.MaxRequestHeadersTotalSize, limits.MaxRequestHeaderCount));
        Assert.Equal((4194304, 1048576), (http2.InitialConnectionWindowSize, http2.InitialStreamWindowSize));
        Assert.Equal((TimeSpan.FromSeconds(130), TimeSpan.FromSeconds(10)), (limits.KeepAliveTimeout, limits.RequestHeadersTimeout));
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(20)), (http2.KeepAlivePingDelay, http2.KeepAlivePingTimeout));
        Assert.Equal((240.0, TimeSpan.FromSeconds(5)), (limits.MinRequestBodyDataRate!.BytesPerSecond, limits.MinRequestBodyDataRate.GracePeriod));
        Assert.Equal(240.0, limits.MinResponseDataRate!.BytesPerSecond);
        Assert.Null(limits.MaxRequestBodySize);
        Assert.Equal(4096, app.Services.GetRequiredService<IOptions<HubOptions>>().Value.MaximumReceiveMessageSize);
    }
}
