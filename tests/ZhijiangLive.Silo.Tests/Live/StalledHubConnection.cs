using System.Net.WebSockets;
using Microsoft.AspNetCore.SignalR;

namespace ZhijiangLive.Silo.Tests.Live;

/// <summary>
/// A browser that stopped reading: it calls one hub method, reads until that call completes, and then never
/// reads its socket again, with a small TCP receive window so that what the hub sends next backs up at once.
/// </summary>
internal sealed class StalledHubConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;

    private StalledHubConnection(ClientWebSocket socket) => _socket = socket;

    public static async Task<StalledHubConnection> OpenAsync(Uri address, string accessToken, string method, params object?[] arguments)
    {
        using var timer = new CancellationTokenSource(LiveHubClient.Timeout);
        var socket = await RawHubSocket.OpenWithSmallWindowAsync(address, accessToken, timer.Token);
        try
        {
            const int Invocation = 1, Completion = 3;
            await RawHubSocket.SendAsync(socket, new { type = Invocation, invocationId = "1", target = method, arguments }, timer.Token);
            await foreach (var message in RawHubSocket.ReadRecordsAsync(socket, timer.Token))
            {
                if (message.TryGetProperty("type", out var type) && type.GetInt32() == Completion)
                {
                    return message.TryGetProperty("error", out var error)
                        ? throw new HubException(error.GetString())
                        : new StalledHubConnection(socket);
                }
            }
            throw new InvalidOperationException($"the hub closed the connection before '{method}' completed");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Aborts the socket, which also frees the hub from whatever send was stuck on it.</summary>
    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
