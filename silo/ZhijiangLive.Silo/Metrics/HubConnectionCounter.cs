using Microsoft.AspNetCore.SignalR;

namespace ZhijiangLive.Silo.Metrics;

/// <summary>
/// Counts the live hub's connections as a hub filter, so that the hub itself stays about subscriptions:
/// a connection counts once its <c>OnConnectedAsync</c> succeeded, until it is gone.
/// </summary>
public sealed class HubConnectionCounter(SiloMetrics metrics) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        metrics.Connected();
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            metrics.Disconnected();
        }
    }
}
