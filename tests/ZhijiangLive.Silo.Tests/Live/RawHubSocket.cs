using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ZhijiangLive.LoadTests.Live;

namespace ZhijiangLive.Silo.Tests.Live;

/// <summary>
/// The SignalR JSON protocol by hand, for the clients no library would be: one that opens the WebSocket without
/// the token it negotiated with, one that stops reading. Negotiate, connect, handshake; records end with 0x1E.
/// </summary>
internal static class RawHubSocket
{
    public const byte Separator = 0x1E;

    // Shared and never disposed: an open WebSocket may still need the handler that connected it.
    private static readonly HttpMessageInvoker SmallWindow = new(SmallReceiveWindowHandler(4096));

    /// <summary>The connection token of a negotiate made with <c>Authorization: Bearer</c>, as a browser makes it.</summary>
    public static async Task<string> NegotiateAsync(Uri http, string accessToken)
    {
        using var client = new HttpClient { BaseAddress = http };
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        using var response = await client.PostAsync($"{DashboardHub.Path}/negotiate?negotiateVersion=1", content: null);
        response.EnsureSuccessStatusCode();
        var negotiation = await response.Content.ReadFromJsonAsync<JsonElement>();
        return negotiation.GetProperty("connectionToken").GetString()!;
    }

    /// <summary>The WebSocket's URL: the connection token, and the access token when there is one.</summary>
    public static Uri SocketUrl(Uri http, string connectionToken, string? accessToken) => new UriBuilder(http)
    {
        Scheme = http.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
        Path = DashboardHub.Path,
        Query = "id=" + Uri.EscapeDataString(connectionToken) + (accessToken is null ? "" : "&access_token=" + Uri.EscapeDataString(accessToken)),
    }.Uri;

    /// <summary>
    /// A socket past the handshake whose TCP receive window is small from the start, so that what the hub sends
    /// backs up at once when the test stops reading.
    /// </summary>
    public static async Task<ClientWebSocket> OpenWithSmallWindowAsync(Uri http, string accessToken, CancellationToken cancellationToken)
    {
        var connectionToken = await NegotiateAsync(http, accessToken);
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(SocketUrl(http, connectionToken, accessToken), SmallWindow, cancellationToken);
            await SendAsync(socket, new { protocol = "json", version = 1 }, cancellationToken);
            var handshake = await ReadRecordsAsync(socket, cancellationToken).FirstAsync(cancellationToken);
            if (handshake.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"the hub refused the handshake: {error.GetString()}");
            }
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static async Task SendAsync(WebSocket socket, object message, CancellationToken cancellationToken)
    {
        var record = JsonSerializer.SerializeToUtf8Bytes(message).Append(Separator).ToArray();
        await socket.SendAsync(record, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    /// <summary>The records the hub sends, parsed, until it closes the socket.</summary>
    public static async IAsyncEnumerable<JsonElement> ReadRecordsAsync(WebSocket socket,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new List<byte>();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await socket.ReceiveAsync(chunk, cancellationToken);
            if (read.MessageType == WebSocketMessageType.Close)
            {
                yield break;
            }
            pending.AddRange(chunk.AsSpan(0, read.Count));
            int end;
            while ((end = pending.IndexOf(Separator)) >= 0)
            {
                var record = Encoding.UTF8.GetString(pending.GetRange(0, end).ToArray());
                pending.RemoveRange(0, end + 1);
                yield return JsonDocument.Parse(record).RootElement.Clone();
            }
        }
    }

    private static SocketsHttpHandler SmallReceiveWindowHandler(int receiveBufferSize) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            // Set before connecting, so that the window is agreed small from the start.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = receiveBufferSize };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
