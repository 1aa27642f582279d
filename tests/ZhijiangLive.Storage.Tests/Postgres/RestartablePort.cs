using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ZhijiangLive.Storage.Tests.Postgres;

/// <summary>
/// A loopback port for a server a test stops and starts again on the same port (a killed silo, a stopped
/// PostgreSQL). A port the kernel hands out for bind(0) lies in its ephemeral range, and while the server is
/// down the kernel may give that same port to an outgoing connection (a client retrying, the other silo
/// dialling); the restart then fails with "address already in use". The kernel never hands out a port below
/// that range on its own, so these ports are taken from there. Self-contained, so other test projects can link it.
/// </summary>
public static class RestartablePort
{
    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
    private const int LowestOffered = 10_000;
    private static readonly HashSet<int> s_given = [];

    /// <summary>A port below the ephemeral range that no one listens on now and that this process has not given before.</summary>
    public static int Reserve()
    {
        var below = EphemeralRangeStart();
        lock (s_given)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(LowestOffered, below);
                if (!s_given.Contains(port) && IsFree(port))
                {
                    s_given.Add(port);
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"no free loopback port between {LowestOffered} and {below}");
    }

    /// <summary>The first port of the kernel's ephemeral range; Linux's default where the file cannot be read.</summary>
    public static int EphemeralRangeStart()
    {
        try
        {
            var first = File.ReadAllText(EphemeralRangeFile).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0];
            return Math.Max(LowestOffered + 1_000, int.Parse(first, CultureInfo.InvariantCulture));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32_768;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
