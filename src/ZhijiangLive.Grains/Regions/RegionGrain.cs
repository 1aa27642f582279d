using Orleans;
using Orleans.Runtime;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Grains.Regions;

/// <summary>
/// A county, city or the province on Orleans: a shell around <see cref="RegionCore"/>, which also runs on the
/// stand-in runtime, so both count alike. What its parent must hear waits in <see cref="PendingReports"/>
/// and goes as one call per <see cref="ClusterOptions.ForwardInterval"/>. Reads roll the periods, so no
/// midnight timer is needed until followers move here.
/// </summary>
public sealed class RegionGrain(GrainServices services) : Grain, IRegionGrain
{
    private readonly List<TeacherChange> _forwards = [];
    private readonly PendingReports _pending = new();
    private RegionCore _core = null!;
    private IGrainTimer? _forwardTimer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _core = new RegionCore(this.GetPrimaryKeyString(), new RegionGrainState(services.Figures, PeriodKeys.Of(services.Today)), services);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => FlushAsync();

    public Task ReceiveAsync(TeacherChange[] reports)
    {
        _core.Receive(reports, _forwards);
        Hold();
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

    public Task FlushAsync()
    {
        _forwardTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return _pending.IsEmpty ? Task.CompletedTask : Parent(_core.ParentId!).ReceiveAsync(_pending.Take());
    }

    public Task<GroupView?> GetAsync(DateOnly date) => Task.FromResult(_core.Get(date));

    public Task<RankingPage> RankAsync(RankingRequest request) => Task.FromResult(_core.Rank(request));

    public Task<RankingPage> ShortlistAsync(ShortlistKind kind) => Task.FromResult(_core.Shortlist(kind));

    private IRegionGrain Parent(string parentId) => GrainFactory.GetGrain<IRegionGrain>(parentId);

    // Reports are forwarded only when the region has a parent, so whatever waits has one to go to.
    private void Hold()
    {
        if (_forwards.Count == 0)
        {
            return;
        }
        var wasEmpty = _pending.IsEmpty;
        foreach (var report in _forwards)
        {
            _pending.Add(report);
        }
        _forwards.Clear();
        if (wasEmpty)
        {
            _forwardTimer ??= this.RegisterGrainTimer(_ => FlushAsync(), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _forwardTimer.Change(services.Options.ForwardInterval, Timeout.InfiniteTimeSpan);
        }
    }
}
