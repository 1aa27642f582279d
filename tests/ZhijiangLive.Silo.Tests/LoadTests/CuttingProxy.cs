using System.Net;
using System.Net.Sockets;

namespace ZhijiangLive.Silo.Tests.LoadTests;

/// <summary>
/// A TCP relay on a free loopback port in front of a server that cuts each of its first <c>cuts</c> connections
/// once the client has sent <c>bytesBeforeCut</c> bytes through it, both ways at once: whatever was in flight on
/// that connection goes unanswered. Later connections are relayed untouched, so a client that reconnects recovers.
/// </summary>
internal sealed class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _sockets = [];
    private readonly Uri _target;
    private readonly long _bytesBeforeCut;
    private readonly Task _accepting;
    private int _connections, _cuts;

    public CuttingProxy(Uri target, int cuts, long bytesBeforeCut)
    {
        _target = target;
        _bytesBeforeCut = bytesBeforeCut;
        _listener.Start();
        Address = new UriBuilder(target) { Port = ((IPEndPoint)_listener.LocalEndpoint).Port }.Uri;
        _accepting = AcceptAsync(cuts);
    }

    /// <summary>The target's address with this relay's port.</summary>
    public Uri Address { get; }

    /// <summary>How many connections have been cut so far.</summary>
    public int Cuts => Volatile.Read(ref _cuts);

    private async Task AcceptAsync(int cuts)
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptSocketAsync(_stop.Token);
                var server = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                client.NoDelay = true;
                lock (_sockets) _sockets.AddRange([client, server]);
                await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
                var cutThis = Interlocked.Increment(ref _connections) <= cuts;
                _ = RelayAsync(client, server, cutThis ? _bytesBeforeCut : long.MaxValue);
                _ = RelayAsync(server, client, long.MaxValue);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RelayAsync(Socket from, Socket to, long limit)
    {
        var buffer = new byte[16 * 1024];
        long relayed = 0;
        try
        {
            while (await from.ReceiveAsync(buffer, _stop.Token) is var read and > 0)
            {
                if (relayed + read >= limit)
                {
                    // Part of the request that crosses the limit goes through, so the server sees a frame cut short.
                    await to.SendAsync(buffer.AsMemory(0, (int)(limit - relayed)), _stop.Token);
                    Interlocked.Increment(ref _cuts);
                    break;
                }
                await to.SendAsync(buffer.AsMemory(0, read), _stop.Token);
                relayed += read;
            }
        }
        catch (Exception error) when (error is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        from.Dispose();
        to.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_sockets) _sockets.ForEach(s => s.Dispose());
        _stop.Dispose();
    }
}
