using System.Net.WebSockets;
using System.Text.Json;
using ZhijiangLive.Silo.Hosting;

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
        using var timer = new CancellationTokenSource(SignalRJsonClient.Timeout);
        var (socket, records) = await HubSocket.OpenAsync(address, LiveHosting.HubPath, accessToken, smallReceiveWindow: true, timer.Token);
        try
        {
            await HubSocket.SendRecordAsync(socket, new { type = HubMessageType.Invocation, invocationId = "1", target = method, arguments }, timer.Token);
            while (await records.NextAsync(timer.Token) is { } record)
            {
                using var document = JsonDocument.Parse(record);
                var message = document.RootElement;
                if (message.GetProperty("type").GetInt32() == HubMessageType.Completion)
                {
                    return message.TryGetProperty("error", out var error)
                        ? throw new HubCallException(error.GetString()!)
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
