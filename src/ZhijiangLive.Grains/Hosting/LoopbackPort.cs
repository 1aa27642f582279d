using System.Net;
using System.Net.Sockets;

namespace ZhijiangLive.Grains.Hosting;

/// <summary>A loopback port no one listens on right now, for a silo told to take any free one.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
