using Microsoft.AspNetCore.Http.Features;
using ZhijiangLive.Silo.Hosting;

namespace ZhijiangLive.Silo.Live;

/// <summary>
/// A browser cannot set headers on a WebSocket, so SignalR clients put the token in the hub URL's
/// <c>access_token</c>. Before anything sees the request (the host's request logging included, which writes the
/// whole URL), the token is moved from the query string into an <c>Authorization: Bearer</c> header: no log,
/// no diagnostic and no handler downstream ever holds a URL carrying it.
/// </summary>
public sealed class AccessTokenFromQuery(IHttpContextFactory inner) : IHttpContextFactory
{
    private const string Name = "access_token";

    public HttpContext Create(IFeatureCollection featureCollection)
    {
        if (featureCollection.Get<IHttpRequestFeature>() is { } request
            && (request.Path.StartsWith(LiveHosting.HubPath, StringComparison.OrdinalIgnoreCase)
                || request.Path.StartsWith(OrleansDashboardHosting.Path, StringComparison.OrdinalIgnoreCase))
            && request.QueryString.Contains(Name, StringComparison.OrdinalIgnoreCase))
        {
            Move(request);
        }
        return inner.Create(featureCollection);
    }

    public void Dispose(HttpContext httpContext) => inner.Dispose(httpContext);

    private static void Move(IHttpRequestFeature request)
    {
        var kept = new List<string>();
        string? token = null;
        foreach (var pair in request.QueryString.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            if (string.Equals(name, Name, StringComparison.OrdinalIgnoreCase))
            {
                token ??= equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
            else
            {
                kept.Add(pair);
            }
        }
        request.QueryString = kept.Count == 0 ? "" : "?" + string.Join('&', kept);
        var query = request.RawTarget.IndexOf('?');
        if (query >= 0)
        {
            request.RawTarget = request.RawTarget[..query] + request.QueryString;
        }
        // A header sent as well wins: the query string is only the browser's fallback.
        if (!string.IsNullOrEmpty(token) && !request.Headers.ContainsKey("Authorization"))
        {
            request.Headers.Authorization = "Bearer " + token;
        }
    }
}
