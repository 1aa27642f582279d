using Orleans;
using Orleans.Runtime;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Forwarding;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Grains.Regions;

/// <summary>
/// A county, city or the province on Orleans: a shell around <see cref="RegionCore"/>, which also runs on the
/// stand-in runtime, so both count alike. What its parent must hear waits in a <see cref="ForwardWindow"/>
/// and goes as one call per <see cref="ClusterOptions.ForwardInterval"/>. Reads roll the periods, so no
/// midnight timer is needed until followers move here.
/// </summary>
public sealed class RegionGrain(GrainServices services) : Grain, IRegionGrain
{
    private readonly List<TeacherChange> _forwards = [];
    private RegionCore _core = null!;
    private ForwardWindow _window = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _core = new RegionCore(this.GetPrimaryKeyString(), new RegionGrainState(services.Figures, PeriodKeys.Of(services.Today)), services);
        // Reports are forwarded only when the region has a parent, so whatever waits has one to go to.
        _window = new ForwardWindow(this, services.Options.ForwardInterval, reports => Parent(_core.ParentId!).ReceiveAsync(reports));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => FlushAsync();

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

    public Task<GroupView?> GetAsync(DateOnly date) => Task.FromResult(_core.Get(date));

    public Task<RankingPage> RankAsync(RankingRequest request) => Task.FromResult(_core.Rank(request));

    public Task<RankingPage> ShortlistAsync(ShortlistKind kind) => Task.FromResult(_core.Shortlist(kind));

    private IRegionGrain Parent(string parentId) => GrainFactory.GetGrain<IRegionGrain>(parentId);
}
