using Microsoft.AspNetCore.SignalR;
using ZhijiangLive.Silo.Live;

namespace ZhijiangLive.Silo.Hosting;

/// <summary>The live dashboard: the SignalR hub at <c>/hubs/live</c>, behind a bureau token, and the page's files at <c>/</c>.</summary>
public static class LiveHosting
{
    public const string HubPath = "/hubs/live";

    public static WebApplicationBuilder AddLiveDashboard(this WebApplicationBuilder builder)
    {
        // JSON for the browser; MessagePack beside it for .NET clients that want smaller pushes.
        builder.Services.AddSignalR().AddMessagePackProtocol();
        // A dashboard sends only subscriptions: small messages (Zhijiang:Limits:HubMaximumReceiveMessageSize).
        builder.Services.AddOptions<HubOptions>()
            .Configure<KestrelLimits>((options, limits) => options.MaximumReceiveMessageSize = limits.HubMaximumReceiveMessageSize);
        builder.Services.AddSingleton<EventRate>();
        builder.Services.AddSingleton<LiveViews>();
        builder.Services.AddSingleton<LiveSubscriptions>();
        builder.Services.AddSingleton<LiveExpiry>();
        // The hub's access_token leaves the URL before the host logs the request (see AccessTokenFromQuery).
        builder.Services.AddSingleton<IHttpContextFactory>(services => new AccessTokenFromQuery(new DefaultHttpContextFactory(services)));
        return builder;
    }

    public static WebApplication MapLiveDashboard(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseHubAuthentication();
        app.MapHub<LiveHub>(HubPath);
        return app;
    }
}
