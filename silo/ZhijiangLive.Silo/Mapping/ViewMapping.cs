using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Silo.Api;
using V1 = ZhijiangLive.Contracts.V1;
using Domain = ZhijiangLive.Grains;

namespace ZhijiangLive.Silo.Mapping;

/// <summary>The cluster's answers as the contract's query views.</summary>
internal static class ViewMapping
{
    public static V1.TeacherView ToView(Domain.Teachers.TeacherView view)
    {
        var s = view.Scores;
        var reply = new V1.TeacherView
        {
            Id = view.Entry.Id,
            Name = view.Entry.Name,
            SchoolId = view.Entry.SchoolId,
            Locked = view.Entry.Locked,
            Day = s.Day.Points,
            Month = s.Month.Points,
            Year = s.Year.Points,
            LoginStreak = s.LoginStreak,
            ActiveDay = s.ActiveDay,
            ActiveMonth = s.ActiveMonth,
            ActiveYear = s.ActiveYear,
        };
        foreach (var (rule, points) in s.Day.ByRule) reply.DayByRule[rule] = points;
        foreach (var (rule, points) in s.Month.ByRule) reply.MonthByRule[rule] = points;
        foreach (var (rule, points) in s.Year.ByRule) reply.YearByRule[rule] = points;
        return reply;
    }

    public static V1.GroupView ToView(Domain.GroupView view) => new()
    {
        Id = view.Id,
        Name = view.Name,
        Teachers = view.Teachers,
        Day = ToFigures(view.Day),
        Month = ToFigures(view.Month),
        Year = ToFigures(view.Year),
        Schools = view.Schools,
        SchoolsMeetingTargets = view.SchoolsMeetingTargets,
    };

    public static V1.LeaderboardView ToView(RankingPage page, RosterDirectory roster)
    {
        var view = new V1.LeaderboardView { Total = page.Total, Provisional = page.Provisional };
        foreach (var e in page.Entries)
        {
            view.Entries.Add(new V1.LeaderboardEntry { Rank = e.Rank, Id = e.Id, Name = roster.NameOf(e.Id), Score = e.Score });
        }
        return view;
    }

    public static V1.Ledger ToView(Domain.Teachers.LedgerDay day)
    {
        var ledger = new V1.Ledger { Date = QueryParameters.Format(day.Date), Kept = day.Kept, Complete = day.Complete };
        foreach (var e in day.Entries)
        {
            ledger.Entries.Add(new V1.LedgerEntry
            {
                EventId = e.EventId, Rule = e.Rule, Points = e.Points, Day = QueryParameters.Format(e.Day), Note = e.Note ?? "",
            });
        }
        return ledger;
    }

    private static V1.PeriodFigures ToFigures(PeriodFigures f) =>
        new() { Total = f.Total, Mean = f.Mean, Active = f.Active, ActiveRatio = f.ActiveRatio };
}
