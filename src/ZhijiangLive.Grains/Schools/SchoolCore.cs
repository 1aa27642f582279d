using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Snapshots;

namespace ZhijiangLive.Grains.Schools;

/// <summary>
/// What a school grain decides, whichever runtime hosts it: the newest report of each teacher, the
/// figures and teacher ranking they make, the closed periods, and what its county must hear. What goes
/// to the county is appended to the caller's list rather than sent, so each host delivers it its own way.
/// </summary>
public sealed class SchoolCore(string schoolId, SchoolGrainState state, GrainServices services)
{
    /// <summary>The kind a school's history snapshots are filed under.</summary>
    public const string Kind = "school";

    public SchoolGrainState State => state;

    /// <summary>Takes teacher reports; the new ones, with the county filled in, go to <paramref name="forwards"/>.</summary>
    public void Receive(IReadOnlyList<TeacherChange> reports, List<TeacherChange> forwards)
    {
        var members = state.Members;
        foreach (var report in reports)
        {
            members.RollTo(report.Keys);
            if (members.TryApply(report, out _) && state.Entry is { } entry)
            {
                forwards.Add(report with { CountyId = entry.CountyId });
            }
        }
    }

    /// <summary>
    /// Takes the school's roster entry. The first one answers the registration its county must hear, and
    /// passes on the reports that came before it (they could not be forwarded without a county).
    /// </summary>
    public SchoolRegistration? Upsert(SchoolEntry entry, List<TeacherChange> forwards)
    {
        var isNew = state.Entry is null;
        state.Entry = entry;
        if (!isNew)
        {
            return null;
        }
        foreach (var report in state.Members.Reports)
        {
            forwards.Add(report with { CountyId = entry.CountyId });
        }
        return new SchoolRegistration(entry.Id, entry.CountyId, null);
    }

    public GroupView? Get(DateOnly date)
    {
        if (state.Entry is not { } entry)
        {
            return null;
        }
        state.Members.RollTo(PeriodKeys.Of(services.Today));
        var meeting = services.Figures.MeetsTargets(state.Members.Totals) ? 1 : 0;
        return GroupViews.Of(entry.Id, entry.Name, date, state.Members, schools: 1, meeting);
    }

    public RankingPage Rank(RankingRequest request)
    {
        state.Members.RollTo(PeriodKeys.Of(services.Today));
        if (request.Kind != RankingKind.Teachers)
        {
            throw new ArgumentException("a school ranks teachers only");
        }
        RankingPeriods.ThrowUnlessCurrent(request, state.Members.Current, services.Today);
        return RankingPage.From(state.Members.TeacherBoard(request.Period), request);
    }

    /// <summary>The closed periods' figures, if they changed since the last snapshot.</summary>
    public GroupHistorySnapshot? TakeHistorySnapshot()
    {
        var history = state.Members.History;
        if (history.Changes == state.HistoryWritten)
        {
            return null;
        }
        state.HistoryWritten = history.Changes;
        return new GroupHistorySnapshot(Kind, schoolId, history.Changes, GroupHistoryCodec.Serialize(history, null));
    }

    public void RestoreHistory(GroupHistorySnapshot snapshot)
    {
        GroupHistoryCodec.Restore(snapshot, state.Members.History, publish: null);
        state.HistoryWritten = snapshot.Version;
    }
}
