using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Silo.Metrics;

namespace ZhijiangLive.Silo.Live;

/// <summary>Each connection's one subscription: a new subscribe replaces the old, a disconnect ends it.</summary>
public sealed class LiveSubscriptions(
    ZhijiangCluster cluster, IHubContext<LiveHub> hub, LiveViews views, ILogger<LiveSubscriptions> logger, SiloMetrics? metrics = null)
{
    private readonly ConcurrentDictionary<string, LiveFeed> _feeds = new();

    public int Count => _feeds.Count;

    public async Task SubscribeAsync(string connectionId, string regionId, Period period)
    {
        var feed = new LiveFeed(hub.Clients.Client(connectionId), views, logger, metrics);
        if (_feeds.TryRemove(connectionId, out var previous))
        {
            previous.Dispose();
        }
        feed.Subscription = await cluster.SubscribeAsync(regionId, period, feed.Offer);
        if (!_feeds.TryAdd(connectionId, feed))
        {
            // Two subscribes raced on one connection: the one that got here last wins, as if it came last.
            if (_feeds.TryRemove(connectionId, out var other))
            {
                other.Dispose();
            }
            _feeds[connectionId] = feed;
        }
    }

    public void Remove(string connectionId)
    {
        if (_feeds.TryRemove(connectionId, out var feed))
        {
            feed.Dispose();
        }
    }
}
