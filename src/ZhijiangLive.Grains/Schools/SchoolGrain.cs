using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Runtime;
using ZhijiangLive.Grains.Snapshots;

namespace ZhijiangLive.Grains.Schools;

public sealed class SchoolGrain(GrainServices services) : Grain<SchoolGrainState>
{
    public const string Kind = "school";

    protected override SchoolGrainState CreateState() => new(
        new MemberTable(services.Figures, PeriodKeys.Of(services.Today), rankAsReportsArrive: false));

    public void Receive(IReadOnlyList<TeacherChange> reports)
    {
        var members = State.Members;
        foreach (var report in reports)
        {
            members.RollTo(report.Keys);
            if (members.TryApply(report, out _) && State.Entry is { } entry)
            {
                Forward(report with { CountyId = entry.CountyId });
            }
        }
    }

    public void Upsert(SchoolEntry entry)
    {
        var isNew = State.Entry is null;
        State.Entry = entry;
        if (!isNew)
        {
            return;
        }
        // Reports that came before the school's roster entry could not be forwarded; they go now.
        Runtime.Tell<RegionGrain>(new GrainId(RegionGrain.Kind, entry.CountyId),
            county => county.RegisterSchool(new SchoolRegistration(entry.Id, entry.CountyId, null)));
        foreach (var report in State.Members.Reports)
        {
            Forward(report with { CountyId = entry.CountyId });
        }
    }

    public GroupView? Get(DateOnly date)
    {
        if (State.Entry is not { } entry)
        {
            return null;
        }
        State.Members.RollTo(PeriodKeys.Of(services.Today));
        var meeting = services.Figures.MeetsTargets(State.Members.Totals) ? 1 : 0;
        return GroupViews.Of(entry.Id, entry.Name, date, State.Members, schools: 1, meeting);
    }

    public RankingPage Rank(RankingRequest request)
    {
        State.Members.RollTo(PeriodKeys.Of(services.Today));
        if (request.Kind != RankingKind.Teachers)
        {
            throw new ArgumentException("a school ranks teachers only");
        }
        RankingPeriods.ThrowUnlessCurrent(request, State.Members.Current, services.Today);
        return RankingPage.From(State.Members.TeacherBoard(request.Period), request);
    }

    /// <summary>The closed periods' figures, if they changed since the last snapshot.</summary>
    public GroupHistorySnapshot? TakeHistorySnapshot()
    {
        var history = State.Members.History;
        if (history.Changes == State.HistoryWritten)
        {
            return null;
        }
        State.HistoryWritten = history.Changes;
        return new GroupHistorySnapshot(Kind, Id.Key, history.Changes, GroupHistoryCodec.Serialize(history, null));
    }

    public void RestoreHistory(GroupHistorySnapshot snapshot)
    {
        GroupHistoryCodec.Restore(snapshot, State.Members.History, publish: null);
        State.HistoryWritten = snapshot.Version;
    }

    public override void OnDeactivate()
    {
        if (services.ParkedSnapshots is { } parked && TakeHistorySnapshot() is { } snapshot)
        {
            parked.Park(snapshot);
        }
    }

    private void Forward(TeacherChange report) =>
        Runtime.SendBuffered<RegionGrain, TeacherChange>(
            new GrainId(RegionGrain.Kind, report.CountyId!), report, static (county, reports) => county.Receive(reports));
}
