using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Runtime;
using ZhijiangLive.Grains.Schools;
using ZhijiangLive.Grains.Snapshots;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// The teacher on the stand-in runtime, which <see cref="Cluster.ZhijiangCluster"/> still runs until the
/// facade moves onto <see cref="TeacherGrain"/> (Orleans); both are shells around <see cref="TeacherCore"/>.
/// </summary>
public sealed class StandInTeacherGrain(GrainServices services) : Grain<TeacherGrainState>
{
    public const string Kind = "teacher";

    private readonly List<TeacherChange> _reports = [];
    private TeacherCore? _core;

    private TeacherCore Core => _core ??= new TeacherCore(Id.Key, State, services);

    protected override TeacherGrainState CreateState() => new(Id.Key);

    /// <inheritdoc cref="TeacherCore.Publish"/>
    public ScoreOutcome Publish(ActivityEvent activity, DateTimeOffset acceptedAt, long position = 0)
    {
        var outcome = Core.Publish(activity, acceptedAt, position, _reports);
        SendReports();
        return outcome;
    }

    public void Upsert(TeacherEntry entry)
    {
        Core.Upsert(entry, _reports);
        SendReports();
    }

    public void Announce()
    {
        Core.Announce(_reports);
        SendReports();
    }

    public TeacherSnapshot? TakeSnapshot(long cut) => Core.TakeSnapshot(cut);

    public override void OnDeactivate()
    {
        if (services.ParkedSnapshots is { } parked && TakeSnapshot(0) is { } snapshot)
        {
            parked.Park(snapshot);
        }
    }

    public TeacherView? Get(DateOnly date) => Core.Get(date);

    public LedgerDay? Explain(DateOnly date) => Core.Explain(date);

    private void SendReports()
    {
        foreach (var report in _reports)
        {
            Runtime.SendBuffered<StandInSchoolGrain, TeacherChange>(
                new GrainId(StandInSchoolGrain.Kind, report.SchoolId), report, static (school, reports) => school.Receive(reports));
        }
        _reports.Clear();
    }
}
