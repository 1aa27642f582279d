using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Grains.Schools;

/// <summary>
/// What a school grain decides, whichever runtime hosts it: the newest report of each teacher, the
/// figures and teacher rankings they make in every kept period, and what its county must hear. What goes
/// to the county is appended to the caller's list rather than sent, so each host delivers it its own way.
/// </summary>
public sealed class SchoolCore(SchoolGrainState state, GrainServices services)
{
    /// <summary>The kind a school's history snapshots were filed under, before schools rebuilt closed periods from their teachers.</summary>
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
        var members = state.Members;
        members.RollTo(PeriodKeys.Of(services.Today));
        var rules = services.Figures;
        var target = members.Figures(rules.TargetPeriod, PeriodKeys.Of(date)[rules.TargetPeriod]);
        var meeting = rules.MeetsTargets(members.Members, target.Total, target.Active) ? 1 : 0;
        return GroupViews.Of(entry.Id, entry.Name, date, members, schools: 1, meeting);
    }

    /// <summary>The school's teachers ranked in any kept period.</summary>
    public RankingPage Rank(RankingRequest request)
    {
        state.Members.RollTo(PeriodKeys.Of(services.Today));
        if (request.Kind != RankingKind.Teachers)
        {
            throw new ArgumentException("a school ranks teachers only");
        }
        var key = RankingPeriods.KeyOf(request, services);
        var page = RankingPage.From(state.Members.TeacherBoard(request.Period, key, services.FirstOpenDay), request);
        return OpenPeriods.IsOpen(request.Period, key, services.FirstOpenDay) ? page with { Provisional = true } : page;
    }
}
