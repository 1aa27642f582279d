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
/// The school grain: a shell around <see cref="SchoolCore"/>. What its county must hear waits in the silo's
/// <see cref="CountyOutbox"/>, which sends each county the reports of all its schools on the silo as one call.
/// </summary>
[KeepAlive]
public sealed class SchoolGrain(GrainServices services, GrainReferences references, CountyOutbox outbox) : Grain, ISchoolGrain
{
    private readonly List<TeacherChange> _forwards = [];
    private SchoolCore _core = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var members = new MemberTable(services.Figures, PeriodKeys.Of(services.Today), rankAsReportsArrive: false);
        _core = new SchoolCore(new SchoolGrainState(members), services);
        services.Active.GroupActivated();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        services.Active.GroupDeactivated();
        return Task.CompletedTask;
    }

    public Task ReceiveAsync(TeacherChange[] reports)
    {
        _core.Receive(reports, _forwards);
        outbox.Post(_forwards);
        return Task.CompletedTask;
    }

    public async Task UpsertAsync(SchoolEntry entry)
    {
        if (_core.Upsert(entry, _forwards) is { } registration)
        {
            await references.Region(entry.CountyId).RegisterSchoolAsync(registration);
        }
        outbox.Post(_forwards);
    }

    public Task<GroupView?> GetAsync(DateOnly date) => Task.FromResult(_core.Get(date));

    public Task<RankingPage> RankAsync(RankingRequest request) => Task.FromResult(_core.Rank(request));
}
