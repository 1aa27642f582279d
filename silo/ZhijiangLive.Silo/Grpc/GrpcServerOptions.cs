namespace ZhijiangLive.Silo.Grpc;

/// <summary>The gRPC endpoint's settings, bound from <c>Zhijiang:Grpc</c>.</summary>
public sealed class GrpcServerOptions
{
    public const string Section = "Zhijiang:Grpc";

    /// <summary>Where gRPC listens: HTTP/2 only, cleartext (h2c) for <c>http://</c>, TLS with ALPN for <c>https://</c>.</summary>
    public string Url { get; set; } = "http://localhost:5081";

    /// <summary>The largest message, request or decompressed, in bytes; larger ones are refused from their length prefix.</summary>
    public int MaxMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>The most events one <c>PublishRequest</c> may carry; more makes the request INVALID_ARGUMENT.</summary>
    public int MaxBatchEvents { get; set; } = 10_000;

    /// <summary>Requests of one <c>PublishStream</c> being scored while earlier replies are still owed.</summary>
    public int StreamPipelineDepth { get; set; } = 8;

    /// <summary>A PFX (PKCS#12) certificate for an <c>https://</c> URL.</summary>
    public string CertificatePath { get; set; } = "";

    public string CertificatePassword { get; set; } = "";
}
