using Microsoft.AspNetCore.SignalR;
using ZhijiangLive.Silo.Live;

namespace ZhijiangLive.Silo.Hosting;

/// <summary>The live dashboard: the SignalR hub at <c>/hubs/live</c> and the page's files at <c>/</c>.</summary>
public static class LiveHosting
{
    public const string HubPath = "/hubs/live";

    public static WebApplicationBuilder AddLiveDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        // A dashboard sends only subscriptions: small messages (Zhijiang:Limits:HubMaximumReceiveMessageSize).
        builder.Services.AddOptions<HubOptions>()
            .Configure<KestrelLimits>((options, limits) => options.MaximumReceiveMessageSize = limits.HubMaximumReceiveMessageSize);
        builder.Services.AddSingleton<EventRate>();
        builder.Services.AddSingleton<LiveViews>();
        builder.Services.AddSingleton<LiveSubscriptions>();
        return builder;
    }

    public static WebApplication MapLiveDashboard(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHub<LiveHub>(HubPath);
        return app;
    }
}
