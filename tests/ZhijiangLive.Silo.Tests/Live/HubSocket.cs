using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;

namespace ZhijiangLive.Silo.Tests.Live;

/// <summary>
/// The steps of a SignalR connection below the hub's methods: negotiate, open the WebSocket, agree on the
/// JSON protocol; then records in and out.
/// </summary>
internal static class HubSocket
{
    /// <summary>The TCP receive buffer of a client that stops reading: small, so that the hub's sends back up soon.</summary>
    public const int SmallReceiveBufferSize = 4096;

    // Shared and never disposed: an open WebSocket may still need the handler that connected it.
    private static readonly HttpMessageInvoker Default = new(new SocketsHttpHandler());
    private static readonly HttpMessageInvoker SmallWindow = new(Handler(SmallReceiveBufferSize));

    /// <summary>
    /// A connected socket past the handshake, and the buffer holding whatever followed the handshake's reply.
    /// As a browser does, it negotiates with <c>Authorization: Bearer</c> and puts the token in the WebSocket's
    /// URL as <c>access_token</c>. <paramref name="smallReceiveWindow"/> shrinks the TCP receive window, for a
    /// client that stops reading.
    /// </summary>
    public static async Task<(ClientWebSocket Socket, HubRecordBuffer Buffer)> OpenAsync(
        Uri address, string hubPath, string? accessToken, bool smallReceiveWindow = false, CancellationToken cancellationToken = default)
    {
        var token = await NegotiateAsync(address, hubPath, accessToken, cancellationToken);
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(SocketUrl(address, hubPath, token, accessToken), smallReceiveWindow ? SmallWindow : Default, cancellationToken);
            var buffer = new HubRecordBuffer();
            await SendRecordAsync(socket, new { protocol = "json", version = 1 }, cancellationToken);
            var reply = await ReadRecordAsync(socket, buffer, cancellationToken)
                ?? throw new InvalidOperationException("the hub closed the connection during the handshake");
            using var handshake = JsonDocument.Parse(reply);
            if (handshake.RootElement.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"the hub refused the handshake: {error.GetString()}");
            }
            return (socket, buffer);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static async Task SendRecordAsync(WebSocket socket, object message, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(message);
        var record = new byte[json.Length + 1];
        json.CopyTo(record, 0);
        record[^1] = HubRecordBuffer.Separator;
        await socket.SendAsync(record, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    /// <summary>The next record, receiving frames until one is complete; null once the hub closes the socket.</summary>
    public static async Task<byte[]?> ReadRecordAsync(WebSocket socket, HubRecordBuffer buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (buffer.TryTake(out var record))
            {
                return record;
            }
            var received = await socket.ReceiveAsync(buffer.Free(64 * 1024), cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            buffer.Advance(received.Count);
        }
    }

    /// <summary>The WebSocket's URL: the connection token, and the access token when there is one.</summary>
    public static Uri SocketUrl(Uri address, string hubPath, string connectionToken, string? accessToken) => new UriBuilder(address)
    {
        Scheme = "ws",
        Path = hubPath,
        Query = "id=" + Uri.EscapeDataString(connectionToken) + (accessToken is null ? "" : "&access_token=" + Uri.EscapeDataString(accessToken)),
    }.Uri;

    /// <summary>The connection token of a negotiate; an <see cref="HttpRequestException"/> with the status when refused.</summary>
    public static async Task<string> NegotiateAsync(Uri address, string hubPath, string? accessToken, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = address };
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        }
        using var response = await http.PostAsync($"{hubPath}/negotiate?negotiateVersion=1", content: null, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var negotiation = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        return negotiation.RootElement.GetProperty("connectionToken").GetString()
            ?? throw new InvalidOperationException("negotiate gave no connectionToken");
    }

    private static SocketsHttpHandler Handler(int receiveBufferSize) => new()
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
