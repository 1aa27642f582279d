using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Regions;

/// <summary>
/// The followers of one region grain, each for one period. Updates go out one-way: a follower that is gone
/// costs the others nothing, and the facade that made it unfollows when it is disposed.
/// </summary>
internal sealed class RegionFollowers
{
    private readonly List<(long Id, Period Period, IRegionFollower Follower)> _followers = [];

    public bool Any => _followers.Count > 0;

    public void Add(long id, Period period, IRegionFollower follower) => _followers.Add((id, period, follower));

    public bool Has(long id) => _followers.Exists(f => f.Id == id);

    public void Remove(long id) => _followers.RemoveAll(f => f.Id == id);

    /// <summary>One update per period followed, made once and sent to every follower of that period.</summary>
    public void Send(Func<Period, RegionUpdate> updateOf)
    {
        var updates = new RegionUpdate?[3];
        foreach (var (_, period, follower) in _followers)
        {
            _ = follower.UpdateAsync(updates[(int)period] ??= updateOf(period));
        }
    }
}
