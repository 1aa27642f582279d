using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using ZhijiangLive.LoadTests.Live;

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
    /// A connected socket past the handshake, and its records, holding whatever followed the handshake's reply.
    /// As a browser does, it negotiates with <c>Authorization: Bearer</c> and puts the token in the WebSocket's
    /// URL as <c>access_token</c> (<see cref="HubNegotiation"/>). <paramref name="smallReceiveWindow"/> shrinks the TCP receive window, for a
    /// client that stops reading.
    /// </summary>
    public static async Task<(ClientWebSocket Socket, HubRecords Records)> OpenAsync(
        Uri address, string hubPath, string? accessToken, bool smallReceiveWindow = false, CancellationToken cancellationToken = default)
    {
        var token = await HubNegotiation.NegotiateAsync(address, hubPath, accessToken, cancellationToken);
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(HubNegotiation.SocketUrl(address, hubPath, token, accessToken), smallReceiveWindow ? SmallWindow : Default, cancellationToken);
            var records = new HubRecords(socket);
            await SendRecordAsync(socket, new { protocol = "json", version = 1 }, cancellationToken);
            var reply = await records.NextAsync(cancellationToken)
                ?? throw new InvalidOperationException("the hub closed the connection during the handshake");
            using var handshake = JsonDocument.Parse(reply);
            if (handshake.RootElement.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"the hub refused the handshake: {error.GetString()}");
            }
            return (socket, records);
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
