using Orleans;
using Orleans.Runtime;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Forwarding;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Grains.Schools;

/// <summary>
/// The school grain: a shell around <see cref="SchoolCore"/>. What its county must hear waits in a
/// <see cref="ForwardWindow"/> and goes as one call per <see cref="ClusterOptions.ForwardInterval"/>.
/// </summary>
[KeepAlive]
public sealed class SchoolGrain(GrainServices services, GrainReferences references) : Grain, ISchoolGrain
{
    private readonly List<TeacherChange> _forwards = [];
    private SchoolCore _core = null!;
    private ForwardWindow _window = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var members = new MemberTable(services.Figures, PeriodKeys.Of(services.Today), rankAsReportsArrive: false);
        _core = new SchoolCore(new SchoolGrainState(members), services);
        // Reports go forward only once the school has its entry, so whatever waits has a county to go to.
        _window = new ForwardWindow(this, services.Options.ForwardInterval,
            reports => references.Region(_core.State.Entry!.CountyId).ReceiveAsync(reports));
        services.Active.GroupActivated();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        services.Active.GroupDeactivated();
        return FlushAsync();
    }

    public Task ReceiveAsync(TeacherChange[] reports)
    {
        _core.Receive(reports, _forwards);
        _window.Hold(_forwards);
        return Task.CompletedTask;
    }

    public async Task UpsertAsync(SchoolEntry entry)
    {
        if (_core.Upsert(entry, _forwards) is { } registration)
        {
            await references.Region(entry.CountyId).RegisterSchoolAsync(registration);
        }
        _window.Hold(_forwards);
    }

    public Task FlushAsync() => _window.FlushAsync();

    public Task<GroupView?> GetAsync(DateOnly date) => Task.FromResult(_core.Get(date));

    public Task<RankingPage> RankAsync(RankingRequest request) => Task.FromResult(_core.Rank(request));
}
