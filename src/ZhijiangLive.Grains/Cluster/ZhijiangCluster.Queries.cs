using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Schools;
using ZhijiangLive.Grains.Teachers;

namespace ZhijiangLive.Grains.Cluster;

public sealed partial class ZhijiangCluster
{

    public DateOnly Today => DateOnly.FromDayNumber(Services.Today);

    public Task<TeacherView?> GetTeacherAsync(string id, DateOnly? date = null) =>
        Roster.Teacher(id) is null
            ? Task.FromResult<TeacherView?>(null)
            : references.Teacher(id).GetAsync(date ?? Today);

    /// <summary>
    /// Why a teacher has its points on <paramref name="date"/> (today by default): the day's ledger entries in
    /// acceptance order, while the day is inside the grace window. Null when the teacher is not on the roster.
    /// </summary>
    public Task<LedgerDay?> ExplainTeacherAsync(string id, DateOnly? date = null) =>
        Roster.Teacher(id) is null
            ? Task.FromResult<LedgerDay?>(null)
            : references.Teacher(id).ExplainAsync(date ?? Today);

    public Task<GroupView?> GetSchoolAsync(string id, DateOnly? date = null) =>
        Roster.School(id) is null
            ? Task.FromResult<GroupView?>(null)
            : references.School(id).GetAsync(date ?? Today);

    public Task<GroupView?> GetRegionAsync(string id, DateOnly? date = null) =>
        Roster.Region(id) is null
            ? Task.FromResult<GroupView?>(null)
            : references.Region(id).GetAsync(date ?? Today);

    /// <summary>
    /// A page of a ranking of a school (its teachers) or a region (its teachers, schools or child regions).
    /// Null when the scope is unknown; <see cref="ArgumentException"/> when the request cannot be answered.
    /// </summary>
    public async Task<RankingPage?> GetRankingAsync(RankingRequest request)
    {
        if (request.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }
        if (Roster.School(request.ScopeId) is not null)
        {
            return await references.School(request.ScopeId).RankAsync(request).ConfigureAwait(false);
        }
        return Roster.Region(request.ScopeId) is null
            ? null
            : await references.Region(request.ScopeId).RankAsync(request).ConfigureAwait(false);
    }

    public async Task<RankingPage?> GetShortlistAsync(string cityId, ShortlistKind kind) =>
        Roster.Region(cityId) is null
            ? null
            : await references.Region(cityId).ShortlistAsync(kind).ConfigureAwait(false);

    /// <summary>
    /// Follows a region for one period: a full update at once, then coalesced updates while it changes.
    /// <paramref name="onUpdate"/> runs as an Orleans observer call and must return quickly. Dispose to stop.
    /// </summary>
    public async Task<IDisposable> SubscribeAsync(string regionId, Period period, Action<RegionUpdate> onUpdate)
    {
        if (Roster.Region(regionId) is null)
        {
            throw new ArgumentException($"region '{regionId}' is not on the roster", nameof(regionId));
        }
        // Random rather than counted: followers from every silo of a cluster meet in one region grain.
        var id = Random.Shared.NextInt64(1, long.MaxValue);
        var follower = new RegionFollower(onUpdate);
        var reference = grains.CreateObjectReference<IRegionFollower>(follower);
        var region = references.Region(regionId);
        follower.Start(await region.FollowAsync(id, period, reference).ConfigureAwait(false));
        var renewing = new CancellationTokenSource();
        _ = RenewAsync(region, id, period, reference, follower, renewing.Token);
        return new Unfollower(follower, () =>
        {
            renewing.Cancel();
            _ = region.UnfollowAsync(id);
            grains.DeleteObjectReference<IRegionFollower>(reference);
        });
    }

    /// <summary>Asks the region now and then whether it still has the follower; a region that came back on another silo takes it again.</summary>
    private async Task RenewAsync(IRegionGrain region, long id, Period period, IRegionFollower reference, RegionFollower follower, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Services.Options.FollowRenewInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                try
                {
                    if (await region.RenewFollowAsync(id, period, reference).WaitAsync(stop).ConfigureAwait(false) is { } full)
                    {
                        _ = follower.UpdateAsync(full);
                    }
                }
                catch (Exception) when (!stop.IsCancellationRequested)
                {
                    // The region's silo is gone and its grain not yet back elsewhere: the next tick asks again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Unfollowed.
        }
    }

    /// <summary>
    /// Hands each update to the subscriber's callback, the full one the subscription began with first: an
    /// update that overtook it waits for it. The observer object lives as long as its subscription.
    /// </summary>
    private sealed class RegionFollower(Action<RegionUpdate> onUpdate) : IRegionFollower
    {
        private readonly Lock _gate = new();
        private List<RegionUpdate>? _early = [];

        public void Start(RegionUpdate first)
        {
            lock (_gate)
            {
                Deliver(first);
                _early!.ForEach(Deliver);
                _early = null;
            }
        }

        public Task UpdateAsync(RegionUpdate update)
        {
            lock (_gate)
            {
                if (_early is not null)
                {
                    _early.Add(update);
                }
                else
                {
                    Deliver(update);
                }
            }
            return Task.CompletedTask;
        }

        private void Deliver(RegionUpdate update)
        {
            try
            {
                onUpdate(update);
            }
            catch (Exception)
            {
                // The follower owns its callback; a broken one simply misses this update.
            }
        }
    }

    // Holds the follower: Orleans keeps only a weak reference to an observer object.
    private sealed class Unfollower(RegionFollower follower, Action unfollow) : IDisposable
    {
        private int _disposed;

        public RegionFollower Follower => follower;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                unfollow();
            }
        }
    }
}
