namespace ZhijiangLive.Client;

/// <summary>How a <see cref="ZhijiangClient"/> connects, and what every call carries unless its <see cref="ZhijiangCallOptions"/> say otherwise.</summary>
public sealed class ZhijiangClientOptions
{
    /// <summary>The timeout of a call that sets neither a timeout nor a deadline; none when null.</summary>
    public TimeSpan? DefaultTimeout { get; init; }

    /// <summary>Whether request messages are gzip-compressed (<c>grpc-encoding: gzip</c>).</summary>
    public bool CompressRequests { get; init; }

    /// <summary>The largest response message accepted, after decompression.</summary>
    public int MaxReceiveMessageSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// Headers sent with every call, e.g. <c>authorization</c>. HTTP/2 sends names lowercased; a binary value is given
    /// base64-encoded under a name ending in <c>-bin</c>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Metadata { get; init; }

    /// <summary>
    /// How many times a Publish, a roster upsert, a query or a health check that failed with UNAVAILABLE is sent
    /// again, the same bytes each time (so the same event ids), with backoff from 100 ms up to 2 s. None by default.
    /// </summary>
    public int RetryAttempts { get; init; }

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

    /// <summary>
    /// A handler to send through instead of the client's own <see cref="SocketsHttpHandler"/> (the connection
    /// settings above are then ignored). The client does not dispose it.
    /// </summary>
    public HttpMessageHandler? Handler { get; init; }
}
