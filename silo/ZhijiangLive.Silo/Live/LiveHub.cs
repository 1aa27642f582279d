using Microsoft.AspNetCore.SignalR;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Silo.Live;

/// <summary>
/// <c>/hubs/live</c>: a dashboard subscribes to one region and period at a time and receives a "snapshot",
/// then "update"s of what changed, at most once per notify interval.
/// </summary>
public sealed class LiveHub(LiveSubscriptions subscriptions, ZhijiangCluster cluster) : Hub
{
    /// <summary>Follows <paramref name="regionId"/> for <paramref name="period"/> (day, month or year), instead of whatever this connection followed.</summary>
    public async Task Subscribe(string regionId, string period)
    {
        if (!Enum.GetNames<Period>().Contains(period, StringComparer.OrdinalIgnoreCase) || !Enum.TryParse<Period>(period, ignoreCase: true, out var parsed))
        {
            throw new HubException($"period '{period}' is not one of day, month, year");
        }
        if (cluster.Roster.Region(regionId ?? "") is null)
        {
            throw new HubException($"region '{regionId}' is not on the roster");
        }
        await subscriptions.SubscribeAsync(Context.ConnectionId, regionId!, parsed);
    }

    /// <summary>Every region, parents before children, for the region picker.</summary>
    public IReadOnlyList<LiveRegion> Regions() => cluster.Roster.Regions
        .OrderBy(r => r.Level).ThenBy(r => r.Id, StringComparer.Ordinal)
        .Select(r => new LiveRegion(r.Id, r.Name, LiveViews.LevelName(r.Level), r.ParentId))
        .ToList();

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
