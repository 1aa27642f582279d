using Microsoft.AspNetCore.SignalR.Client;

namespace ZhijiangLive.LoadTests.Live;

/// <summary>A SignalR connection to the dashboard's hub, made as a browser makes it: with a bureau token, over WebSockets when it can.</summary>
public static class DashboardHub
{
    public const string Path = "/hubs/live";

    /// <summary>An unstarted connection; <paramref name="configure"/> may add a protocol or change the transport.</summary>
    public static HubConnection Connection(Uri http, string? accessToken, Action<IHubConnectionBuilder>? configure = null)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(http, Path), options => options.AccessTokenProvider = () => Task.FromResult(accessToken));
        configure?.Invoke(builder);
        return builder.Build();
    }
}

/// <summary>What the probe reads of a push ("snapshot" or "update"): the top teachers, when the push carries them.</summary>
public sealed record PushedView(IReadOnlyList<PushedTeacher>? TopTeachers);

public sealed record PushedTeacher(string Id, double Score);
