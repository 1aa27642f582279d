using Orleans;
using Orleans.Runtime;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Forwarding;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Snapshots;

namespace ZhijiangLive.Grains.Regions;

/// <summary>
/// A county, city or the province: a shell around <see cref="RegionCore"/>. What its parent must hear waits in
/// a <see cref="ForwardWindow"/> and goes as one call per <see cref="ClusterOptions.ForwardInterval"/>. A tick
/// every <see cref="ClusterOptions.NotifyInterval"/> rolls the periods at midnight (by the rules' clock) and
/// sends followers what changed since the last one.
/// </summary>
[KeepAlive]
public sealed class RegionGrain(GrainServices services, GrainReferences references) : Grain, IRegionGrain
{
    private readonly List<TeacherChange> _forwards = [];
    private readonly RegionFollowers _followers = new();
    private RegionCore _core = null!;
    private ForwardWindow _window = null!;
    private int _dayAtLastTick;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _core = new RegionCore(this.GetPrimaryKeyString(), new RegionGrainState(services.Figures, PeriodKeys.Of(services.Today)), services);
        // Reports are forwarded only when the region has a parent, so whatever waits has one to go to.
        _window = new ForwardWindow(this, services.Options.ForwardInterval, reports => Parent(_core.ParentId!).ReceiveAsync(reports));
        _dayAtLastTick = services.Today;
        var interval = services.Options.NotifyInterval;
        this.RegisterGrainTimer(Tick, interval, interval);
        services.Active.GroupActivated();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        services.Active.GroupDeactivated();
        if (services.ParkedSnapshots is { } parked && _core.TakeHistorySnapshot() is { } snapshot)
        {
            parked.Park(snapshot);
        }
        return FlushAsync();
    }

    public Task ReceiveAsync(TeacherChange[] reports)
    {
        _core.Receive(reports, _forwards);
        _window.Hold(_forwards);
        return Task.CompletedTask;
    }

    public Task RegisterSchoolAsync(SchoolRegistration school) =>
        _core.RegisterSchool(school) is { } forwarded
            ? Parent(_core.ParentId!).RegisterSchoolAsync(forwarded)
            : Task.CompletedTask;

    public Task RegisterChildAsync(string childId)
    {
        _core.RegisterChild(childId);
        return Task.CompletedTask;
    }

    public Task UpsertAsync(RegionEntry entry) =>
        _core.Upsert(entry) is { } parentId
            ? Parent(parentId).RegisterChildAsync(entry.Id)
            : Task.CompletedTask;

    public Task FlushAsync() => _window.FlushAsync();

    public Task<RegionUpdate> FollowAsync(long followerId, Period period, IRegionFollower follower)
    {
        if (_core.State.Entry is null)
        {
            throw new ArgumentException($"region '{this.GetPrimaryKeyString()}' is not on the roster");
        }
        if (!_followers.Any)
        {
            // The full update below carries every change so far; only later ones are news.
            _core.TakeChanged();
        }
        _followers.Add(followerId, period, follower);
        return Task.FromResult(_core.Update(period));
    }

    public async Task<RegionUpdate?> RenewFollowAsync(long followerId, Period period, IRegionFollower follower) =>
        _followers.Has(followerId) ? null : await FollowAsync(followerId, period, follower);

    public Task UnfollowAsync(long followerId)
    {
        _followers.Remove(followerId);
        return Task.CompletedTask;
    }

    public Task<GroupHistorySnapshot?> TakeHistorySnapshotAsync() => Task.FromResult(_core.TakeHistorySnapshot());

    public Task RestoreHistoryAsync(GroupHistorySnapshot snapshot)
    {
        _core.RestoreHistory(snapshot);
        return Task.CompletedTask;
    }

    public Task<GroupView?> GetAsync(DateOnly date) => Task.FromResult(_core.Get(date));

    public Task<RankingPage> RankAsync(RankingRequest request) => Task.FromResult(_core.Rank(request));

    public Task<RankingPage> ShortlistAsync(ShortlistKind kind) => Task.FromResult(_core.Shortlist(kind));

    // Coalescing: whatever happened during an interval goes out as one update per follower.
    private Task Tick(CancellationToken cancellation)
    {
        if (_core.State.Entry is null)
        {
            return Task.CompletedTask;
        }
        var today = services.Today;
        if (today != _dayAtLastTick)
        {
            _dayAtLastTick = today;
            _core.RollToToday();
        }
        if (_followers.Any && _core.TakeChanged())
        {
            _followers.Send(_core.Update);
        }
        return Task.CompletedTask;
    }

    private IRegionGrain Parent(string parentId) => references.Region(parentId);
}
