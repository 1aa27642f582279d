using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ZhijiangLive.Silo.Grpc;

/// <summary>The listener that speaks gRPC, to tell its requests from the HTTP API's and to report where it is.</summary>
public sealed class GrpcEndpoint
{
    private ListenOptions? _listen;

    internal void Attach(ListenOptions listen, bool tls)
    {
        _listen = listen;
        IsTls = tls;
    }

    /// <summary>The bound port (Kestrel fills in the real one when the configured port is 0), once started.</summary>
    public int Port => _listen?.IPEndPoint?.Port ?? 0;

    public bool IsTls { get; private set; }

    /// <summary>An address a local client can dial, e.g. <c>http://127.0.0.1:5081</c>.</summary>
    public Uri Address
    {
        get
        {
            var ip = _listen?.IPEndPoint?.Address;
            var host = ip is null || ip.Equals(System.Net.IPAddress.Any) || ip.Equals(System.Net.IPAddress.IPv6Any) || ip.Equals(System.Net.IPAddress.Loopback)
                ? "127.0.0.1"
                : ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
            return new Uri($"{(IsTls ? "https" : "http")}://{host}:{Port}");
        }
    }

    public bool Serves(HttpContext context) => context.Connection.LocalPort == Port;
}
