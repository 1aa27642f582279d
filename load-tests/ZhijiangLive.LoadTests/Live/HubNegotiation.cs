using System.Text.Json;

namespace ZhijiangLive.LoadTests.Live;

/// <summary>
/// The first step of a SignalR connection, as a browser takes it: negotiate with <c>Authorization: Bearer</c>,
/// then open the WebSocket at a URL carrying the connection token and the access token.
/// </summary>
public static class HubNegotiation
{
    /// <summary>The connection token of a negotiate; an <see cref="HttpRequestException"/> with the status when refused.</summary>
    public static async Task<string> NegotiateAsync(Uri http, string hubPath, string? accessToken, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { BaseAddress = http };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        }
        using var response = await client.PostAsync($"{hubPath}/negotiate?negotiateVersion=1", content: null, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var negotiation = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        return negotiation.RootElement.GetProperty("connectionToken").GetString()
            ?? throw new InvalidOperationException("negotiate gave no connectionToken");
    }

    /// <summary>The WebSocket's URL: the connection token, and the access token when there is one.</summary>
    public static Uri SocketUrl(Uri http, string hubPath, string connectionToken, string? accessToken) => new UriBuilder(http)
    {
        Scheme = http.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
        Path = hubPath,
        Query = "id=" + Uri.EscapeDataString(connectionToken) + (accessToken is null ? "" : "&access_token=" + Uri.EscapeDataString(accessToken)),
    }.Uri;
}
