using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ZhijiangLive.LoadTests.Live;

/// <summary>
/// Just enough of a SignalR client for the dashboard's hub: negotiate, a WebSocket with the JSON hub protocol
/// (records end with 0x1E), invocations sent without waiting for their completion, pings answered, and each
/// call of the hub to the client handed to <see cref="Received"/> with the instant it arrived.
/// </summary>
public sealed class HubConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private int _invocations;

    /// <summary>The hub called <c>target</c> with its first argument; raised on the receiving loop.</summary>
    public event Action<string, JsonElement, DateTimeOffset>? Received;

    /// <summary>Why the connection ended, once it has.</summary>
    public string? Closed { get; private set; }

    public static async Task<HubConnection> ConnectAsync(Uri http, string path, string? accessToken, CancellationToken cancellationToken)
    {
        var id = await HubNegotiation.NegotiateAsync(http, path, accessToken, cancellationToken);
        var connection = new HubConnection();
        await connection._socket.ConnectAsync(HubNegotiation.SocketUrl(http, path, id, accessToken), cancellationToken);
        await connection.SendAsync("""{"protocol":"json","version":1}""");
        var reader = new HubRecords(connection._socket);
        var handshake = await reader.NextAsync(cancellationToken) ?? throw new InvalidOperationException("the hub closed during the handshake");
        using (var reply = JsonDocument.Parse(handshake))
        {
            if (reply.RootElement.TryGetProperty("error", out var error)) throw new InvalidOperationException($"the hub refused the handshake: {error}");
        }
        connection._receiving = Task.Run(() => connection.ReceiveAsync(reader));
        return connection;
    }

    /// <summary>Calls a hub method; a failure comes back as <see cref="Closed"/> or not at all, which the probe notices.</summary>
    public Task InvokeAsync(string method, params object[] arguments) => SendAsync(JsonSerializer.Serialize(new
    {
        type = 1, invocationId = Interlocked.Increment(ref _invocations).ToString(), target = method, arguments,
    }));

    private async Task ReceiveAsync(HubRecords reader)
    {
        try
        {
            while (await reader.NextAsync(_stop.Token) is { } record)
            {
                var at = DateTimeOffset.UtcNow;
                using var message = JsonDocument.Parse(record);
                var root = message.RootElement;
                switch (root.GetProperty("type").GetInt32())
                {
                    case 1 when root.TryGetProperty("arguments", out var args) && args.GetArrayLength() > 0:
                        Received?.Invoke(root.GetProperty("target").GetString()!, args[0], at);
                        break;
                    case 3 when root.TryGetProperty("error", out var error): Closed = $"hub call failed: {error}"; break;
                    case 6: await SendAsync("""{"type":6}"""); break;
                    case 7: Closed = root.TryGetProperty("error", out var why) ? why.GetString() : "closed by the hub"; return;
                }
            }
            Closed ??= "the hub closed the socket";
        }
        catch (Exception error) when (!_stop.IsCancellationRequested)
        {
            Closed = error.Message;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SendAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json + (char)HubRecordBuffer.Separator);
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, _stop.Token);
        }
        finally
        {
            _sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _socket.Abort();
        await _receiving;
        _socket.Dispose();
        _stop.Dispose();
        _sending.Dispose();
    }
}
