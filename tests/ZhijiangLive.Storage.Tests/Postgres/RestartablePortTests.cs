using System.Net;
using System.Net.Sockets;

namespace ZhijiangLive.Storage.Tests.Postgres;

public sealed class RestartablePortTests
{
    [Fact]
    public void Reserve_GivesFreePortsBelowTheEphemeralRange_NeverTheSameTwice()
    {
        var ports = Enumerable.Range(0, 50).Select(_ => RestartablePort.Reserve()).ToList();

        Assert.All(ports, port => Assert.InRange(port, 1_024, RestartablePort.EphemeralRangeStart() - 1));
        Assert.Equal(ports.Count, ports.Distinct().Count());
        using var listener = new TcpListener(IPAddress.Loopback, ports[0]);
        listener.Start();
    }

    [Fact]
    public void Reserve_PassesOverAPortSomeoneListensOn()
    {
        var taken = new List<TcpListener>();
        try
        {
            // Occupy a stretch of the range it draws from; none of those ports may come back.
            for (var port = 10_000; port < 10_200; port++)
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                try
                {
                    listener.Start();
                    taken.Add(listener);
                }
                catch (SocketException)
                {
                    listener.Dispose();
                }
            }
            var occupied = taken.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToHashSet();
            Assert.DoesNotContain(Enumerable.Range(0, 500).Select(_ => RestartablePort.Reserve()), occupied.Contains);
        }
        finally
        {
            taken.ForEach(l => l.Dispose());
        }
    }
}
