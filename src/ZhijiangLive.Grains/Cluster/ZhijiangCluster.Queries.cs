using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Runtime;
using ZhijiangLive.Grains.Schools;
using ZhijiangLive.Grains.Teachers;

namespace ZhijiangLive.Grains.Cluster;

public sealed partial class ZhijiangCluster
{
    private long _lastSubscriptionId;

    public DateOnly Today => DateOnly.FromDayNumber(Services.Today);

    public Task<TeacherView?> GetTeacherAsync(string id, DateOnly? date = null) =>
        Roster.Teacher(id) is null
            ? Task.FromResult<TeacherView?>(null)
            : Runtime.Ask<StandInTeacherGrain, TeacherView?>(new GrainId(StandInTeacherGrain.Kind, id), g => g.Get(date ?? Today));

    /// <summary>
    /// Why a teacher has its points on <paramref name="date"/> (today by default): the day's ledger entries in
    /// acceptance order, while the day is inside the grace window. Null when the teacher is not on the roster.
    /// </summary>
    public Task<LedgerDay?> ExplainTeacherAsync(string id, DateOnly? date = null) =>
        Roster.Teacher(id) is null
            ? Task.FromResult<LedgerDay?>(null)
            : Runtime.Ask<StandInTeacherGrain, LedgerDay?>(new GrainId(StandInTeacherGrain.Kind, id), g => g.Explain(date ?? Today));

    public Task<GroupView?> GetSchoolAsync(string id, DateOnly? date = null) =>
        Roster.School(id) is null
            ? Task.FromResult<GroupView?>(null)
            : Runtime.Ask<StandInSchoolGrain, GroupView?>(new GrainId(StandInSchoolGrain.Kind, id), g => g.Get(date ?? Today));

    public Task<GroupView?> GetRegionAsync(string id, DateOnly? date = null) =>
        Roster.Region(id) is null
            ? Task.FromResult<GroupView?>(null)
            : Runtime.Ask<StandInRegionGrain, GroupView?>(new GrainId(StandInRegionGrain.Kind, id), g => g.Get(date ?? Today));

    /// <summary>
    /// A page of a ranking of a school (its teachers) or a region (its teachers, schools or child regions).
    /// Null when the scope is unknown; <see cref="ArgumentException"/> when the request cannot be answered.
    /// </summary>
    public Task<RankingPage?> GetRankingAsync(RankingRequest request)
    {
        if (request.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }
        if (Roster.School(request.ScopeId) is not null)
        {
            return Runtime.Ask<StandInSchoolGrain, RankingPage?>(new GrainId(StandInSchoolGrain.Kind, request.ScopeId), g => g.Rank(request));
        }
        return Roster.Region(request.ScopeId) is null
            ? Task.FromResult<RankingPage?>(null)
            : Runtime.Ask<StandInRegionGrain, RankingPage?>(new GrainId(StandInRegionGrain.Kind, request.ScopeId), g => g.Rank(request));
    }

    public Task<RankingPage?> GetShortlistAsync(string cityId, ShortlistKind kind) =>
        Roster.Region(cityId) is null
            ? Task.FromResult<RankingPage?>(null)
            : Runtime.Ask<StandInRegionGrain, RankingPage?>(new GrainId(StandInRegionGrain.Kind, cityId), g => g.Shortlist(kind));

    /// <summary>
    /// Follows a region for one period: a full update at once, then coalesced updates while it changes.
    /// <paramref name="onUpdate"/> runs on a grain partition and must return quickly. Dispose to stop.
    /// </summary>
    public async Task<IDisposable> SubscribeAsync(string regionId, Period period, Action<RegionUpdate> onUpdate)
    {
        if (Roster.Region(regionId) is null)
        {
            throw new ArgumentException($"region '{regionId}' is not on the roster", nameof(regionId));
        }
        var subscription = new RegionSubscription(Interlocked.Increment(ref _lastSubscriptionId), period, onUpdate);
        var grain = new GrainId(StandInRegionGrain.Kind, regionId);
        await Runtime.Ask<StandInRegionGrain>(grain, g => g.Subscribe(subscription)).ConfigureAwait(false);
        return new Unsubscriber(() => Runtime.Tell<StandInRegionGrain>(grain, g => g.Unsubscribe(subscription.Id)));
    }

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
