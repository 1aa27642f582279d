using System.Net;
using System.Net.Security;

namespace ZhijiangLive.Client;

/// <summary>The client's own HTTP/2 handler, built from its options.</summary>
internal static class ClientHandler
{
    public static SocketsHttpHandler Create(ZhijiangClientOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = options.EnableMultipleHttp2Connections,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionIdleTimeout = options.PooledConnectionIdleTimeout,
            PooledConnectionLifetime = options.PooledConnectionLifetime,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            // h2c with prior knowledge cannot pass an HTTP proxy, and a proxy from the environment would
            // silently turn every plain-text call into a failure.
            UseProxy = false,
        };
        if (options.AcceptAnyServerCertificate)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = static (_, _, _, _) => true,
            };
        }
        return handler;
    }
}
