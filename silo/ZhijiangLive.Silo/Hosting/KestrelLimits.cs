using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ZhijiangLive.Silo.Hosting;

/// <summary>
/// Kestrel's connection, header and HTTP/2 limits and the hub's message size, bound from <c>Zhijiang:Limits</c>.
/// Each default is chosen for this service; README "Limits" gives the reasons and what a client sees when one trips.
/// </summary>
public sealed class KestrelLimits
{
    public const string Section = "Zhijiang:Limits";

    /// <summary>Open connections on all endpoints together; null (the default) is no limit.</summary>
    public long? MaxConcurrentConnections { get; set; }

    /// <summary>Concurrent streams (calls) one HTTP/2 connection may open; the next is refused with REFUSED_STREAM.</summary>
    public int MaxStreamsPerConnection { get; set; } = 100;

    /// <summary>The HPACK dynamic table a client may use for the headers it sends, in bytes.</summary>
    public int HeaderTableSize { get; set; } = 4096;

    /// <summary>The largest HTTP/2 frame payload a client may send, in bytes (16384 to 16777215).</summary>
    public int MaxFrameSize { get; set; } = 16 * 1024;

    /// <summary>The largest single HTTP/2 header field (name and value, decoded), in bytes.</summary>
    public int MaxRequestHeaderFieldSize { get; set; } = 8 * 1024;

    /// <summary>All of a request's headers together, in bytes.</summary>
    public int MaxRequestHeadersTotalSize { get; set; } = 32 * 1024;

    /// <summary>The most headers one request may carry.</summary>
    public int MaxRequestHeaderCount { get; set; } = 100;

    /// <summary>
    /// The HTTP/2 connection's receive window: what all its streams may have in flight. Batches are tens of
    /// kilobytes; this keeps several streams moving without waiting for WINDOW_UPDATEs.
    /// </summary>
    public int InitialConnectionWindowSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>One stream's receive window.</summary>
    public int InitialStreamWindowSize { get; set; } = 1024 * 1024;

    /// <summary>How long a connection without a request in progress stays open.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(130);

    /// <summary>How long a request's headers may take to arrive.</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After this much silence on an HTTP/2 connection the server sends a PING; <c>0</c> turns it off.</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A PING not answered within this closes the connection.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The slowest a request body may arrive while the server waits for it, in bytes a second (0 turns it
    /// off); streaming gRPC calls are exempt (see <see cref="EndpointHosting"/>).
    /// </summary>
    public double MinRequestBodyDataRate { get; set; } = 240;

    /// <summary>How long a body (either way) may be slower than its minimum rate before the rate counts (more than 1 s).</summary>
    public TimeSpan MinDataRateGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The slowest a client may take a response while the server has bytes for it, in bytes a second (0 turns it off).</summary>
    public double MinResponseDataRate { get; set; } = 240;

    /// <summary>The largest message a dashboard may send the SignalR hub, in bytes.</summary>
    public long HubMaximumReceiveMessageSize { get; set; } = 4 * 1024;

    /// <summary>Sets these limits on Kestrel: they hold for every endpoint, the gRPC one and the HTTP one alike.</summary>
    public void ApplyTo(KestrelServerOptions kestrel)
    {
        var limits = kestrel.Limits;
        limits.MaxConcurrentConnections = MaxConcurrentConnections;
        // A hub connection is an upgraded one: it counts against the same bound.
        limits.MaxConcurrentUpgradedConnections = MaxConcurrentConnections;
        // A stream of batches is one long request body; its size is bounded per message instead.
        limits.MaxRequestBodySize = null;
        limits.MaxRequestHeadersTotalSize = MaxRequestHeadersTotalSize;
        limits.MaxRequestHeaderCount = MaxRequestHeaderCount;
        limits.KeepAliveTimeout = KeepAliveTimeout;
        limits.RequestHeadersTimeout = RequestHeadersTimeout;
        limits.MinRequestBodyDataRate = MinRequestBodyDataRate > 0 ? new MinDataRate(MinRequestBodyDataRate, MinDataRateGracePeriod) : null;
        limits.MinResponseDataRate = MinResponseDataRate > 0 ? new MinDataRate(MinResponseDataRate, MinDataRateGracePeriod) : null;

        var http2 = limits.Http2;
        http2.MaxStreamsPerConnection = MaxStreamsPerConnection;
        http2.HeaderTableSize = HeaderTableSize;
        http2.MaxFrameSize = MaxFrameSize;
        http2.MaxRequestHeaderFieldSize = MaxRequestHeaderFieldSize;
        http2.InitialConnectionWindowSize = InitialConnectionWindowSize;
        http2.InitialStreamWindowSize = InitialStreamWindowSize;
        // Kestrel's default never pings: a peer that vanished under an idle stream (a health Watch, a quiet
        // PublishStream) would hold it until the socket times out, which may be never.
        http2.KeepAlivePingDelay = KeepAlivePingDelay > TimeSpan.Zero ? KeepAlivePingDelay : TimeSpan.MaxValue;
        http2.KeepAlivePingTimeout = KeepAlivePingTimeout;
    }
}
