namespace ZhijiangLive.Client;

/// <summary>How a <see cref="ZhijiangClient"/> connects, and what every call carries unless its <see cref="CallOptions"/> say otherwise.</summary>
public sealed class ZhijiangClientOptions
{
    /// <summary>The timeout of a call that sets neither a timeout nor a deadline; none when null.</summary>
    public TimeSpan? DefaultTimeout { get; init; }

    /// <summary>Whether request messages are gzip-compressed (<c>grpc-encoding: gzip</c>).</summary>
    public bool CompressRequests { get; init; }

    /// <summary>The largest response message accepted, after decompression.</summary>
    public int MaxReceiveMessageSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// Headers sent with every call, e.g. <c>authorization</c>. HTTP/2 sends names lowercased; a binary value goes
    /// base64-encoded under a name ending in <c>-bin</c>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Metadata { get; init; }

    public string UserAgent { get; init; } = "zhijiang-live-dotnet/1.0";

    /// <summary>Opens another connection when one reaches the server's limit of concurrent streams.</summary>
    public bool EnableMultipleHttp2Connections { get; init; } = true;

    /// <summary>Skips certificate validation on https; for tests and self-signed servers only.</summary>
    public bool AcceptAnyServerCertificate { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan PooledConnectionIdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan PooledConnectionLifetime { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>HTTP/2 PING interval while calls are open; off by default because servers may punish frequent pings.</summary>
    public TimeSpan KeepAlivePingDelay { get; init; } = Timeout.InfiniteTimeSpan;

    public TimeSpan KeepAlivePingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The clock for deadlines.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// A handler to send through instead of the client's own <see cref="SocketsHttpHandler"/> (the connection
    /// settings above are then ignored). The client does not dispose it.
    /// </summary>
    public HttpMessageHandler? Handler { get; init; }
}
