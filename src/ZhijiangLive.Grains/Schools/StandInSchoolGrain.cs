using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Runtime;
using ZhijiangLive.Grains.Snapshots;

namespace ZhijiangLive.Grains.Schools;

/// <summary>
/// The school on the stand-in runtime, which <see cref="Cluster.ZhijiangCluster"/> still runs until the
/// facade moves onto Orleans; both hosts are shells around <see cref="SchoolCore"/>.
/// </summary>
public sealed class StandInSchoolGrain(GrainServices services) : Grain<SchoolGrainState>
{
    public const string Kind = SchoolCore.Kind;

    private readonly List<TeacherChange> _forwards = [];
    private SchoolCore? _core;

    private SchoolCore Core => _core ??= new SchoolCore(Id.Key, State, services);

    protected override SchoolGrainState CreateState() => new(
        new MemberTable(services.Figures, PeriodKeys.Of(services.Today), rankAsReportsArrive: false));

    public void Receive(IReadOnlyList<TeacherChange> reports)
    {
        Core.Receive(reports, _forwards);
        SendForwards();
    }

    public void Upsert(SchoolEntry entry)
    {
        if (Core.Upsert(entry, _forwards) is { } registration)
        {
            Runtime.Tell<StandInRegionGrain>(new GrainId(StandInRegionGrain.Kind, entry.CountyId),
                county => county.RegisterSchool(registration));
        }
        SendForwards();
    }

    public GroupView? Get(DateOnly date) => Core.Get(date);

    public RankingPage Rank(RankingRequest request) => Core.Rank(request);

    /// <inheritdoc cref="SchoolCore.TakeHistorySnapshot"/>
    public GroupHistorySnapshot? TakeHistorySnapshot() => Core.TakeHistorySnapshot();

    public void RestoreHistory(GroupHistorySnapshot snapshot) => Core.RestoreHistory(snapshot);

    public override void OnDeactivate()
    {
        if (services.ParkedSnapshots is { } parked && TakeHistorySnapshot() is { } snapshot)
        {
            parked.Park(snapshot);
        }
    }

    private void SendForwards()
    {
        foreach (var report in _forwards)
        {
            Runtime.SendBuffered<StandInRegionGrain, TeacherChange>(
                new GrainId(StandInRegionGrain.Kind, report.CountyId!), report, static (county, reports) => county.Receive(reports));
        }
        _forwards.Clear();
    }
}
