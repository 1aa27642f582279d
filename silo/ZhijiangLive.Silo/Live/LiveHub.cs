using Microsoft.AspNetCore.SignalR;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Live;

/// <summary>
/// <c>/hubs/live</c>: a dashboard subscribes to one region and period at a time and receives a "snapshot",
/// then "update"s of what changed, at most once per notify interval. Only a bureau token gets this far
/// (see <see cref="HubAuthentication"/>), and it sees its own region and what lies under it: every call
/// checks the region against the token, never trusting what the client names.
/// </summary>
public sealed class LiveHub(LiveSubscriptions subscriptions, ZhijiangCluster cluster, LiveExpiry expiry, AuditLog audit) : Hub
{
    public const string Via = "hub";

    public override Task OnConnectedAsync()
    {
        if (PrincipalClaims.PrincipalOf(Context.User) is not { Kind: PrincipalKind.Bureau, Expires: { } expires })
        {
            Context.Abort();
            return Task.CompletedTask;
        }
        expiry.Watch(Context, expires);
        return base.OnConnectedAsync();
    }

    /// <summary>Follows <paramref name="regionId"/> for <paramref name="period"/> (day, month or year), instead of whatever this connection followed.</summary>
    public async Task Subscribe(string regionId, string period)
    {
        var principal = Caller();
        if (!Enum.GetNames<Period>().Contains(period, StringComparer.OrdinalIgnoreCase) || !Enum.TryParse<Period>(period, ignoreCase: true, out var parsed))
        {
            throw new HubException($"period '{period}' is not one of day, month, year");
        }
        // An unknown region is outside every scope: the same answer, so that it tells nothing about the roster.
        if (!cluster.Roster.ContainsRegion(principal.RegionId!, regionId ?? ""))
        {
            audit.Refused(principal, Via, $"region {regionId} is outside its region");
            throw new HubException($"region '{regionId}' is outside this token's region");
        }
        audit.Read(principal, Via, ScopeKind.Region, regionId!);
        await subscriptions.SubscribeAsync(Context.ConnectionId, regionId!, parsed);
    }

    /// <summary>The token's region and every region under it, parents before children, for the region picker.</summary>
    public IReadOnlyList<LiveRegion> Regions()
    {
        var scope = Caller().RegionId!;
        var roster = cluster.Roster;
        return roster.Regions
            .Where(r => roster.ContainsRegion(scope, r.Id))
            .OrderBy(r => r.Level).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new LiveRegion(r.Id, r.Name, LiveViews.LevelName(r.Level), r.ParentId))
            .ToList();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        expiry.Forget(Context.ConnectionId);
        subscriptions.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The connection's bureau, its token still good: one that expired between sweeps is closed here.</summary>
    private Principal Caller()
    {
        var principal = PrincipalClaims.PrincipalOf(Context.User);
        if (principal is not { Kind: PrincipalKind.Bureau, Expires: { } expires } || expiry.HasExpired(expires))
        {
            audit.Refused(principal, Via, "the token has expired");
            Context.Abort();
            throw new HubException("the token has expired");
        }
        return principal;
    }
}
