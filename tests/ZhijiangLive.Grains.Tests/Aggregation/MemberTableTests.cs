using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Scoring.RulePacks;

namespace ZhijiangLive.Grains.Tests.Aggregation;

public sealed class MemberTableTests
{
    private static readonly FigureRules Rules = new(new ActiveThresholds(1, 30, 300));
    private static readonly PeriodKeys Monday = PeriodKeys.Of(new DateOnly(2026, 3, 2));
    private static readonly PeriodKeys Tuesday = PeriodKeys.Of(new DateOnly(2026, 3, 3));
    private static readonly PeriodKeys April = PeriodKeys.Of(new DateOnly(2026, 4, 1));

    private readonly MemberTable _table = new(Rules, Monday, rankAsReportsArrive: true);

    private static TeacherChange Report(long seq, bool counted, PeriodKeys keys, int day, int month, int year, string school = "S1") =>
        new("T1", seq, school, counted, keys, new PeriodScores(day, month, year));

    [Fact]
    public void StaleRemoval_ArrivingAfterANewerReport_IsIgnored()
    {
        // The teacher moved: its removal from the old school and its report from the new one travel
        // different paths, and the newer report can arrive first.
        Assert.True(_table.TryApply(Report(2, counted: true, Monday, 5, 5, 5, school: "S2"), out _));
        Assert.False(_table.TryApply(Report(1, counted: false, Monday, 5, 5, 5, school: "S1"), out _));

        Assert.Equal((1, 5L), (_table.Totals.Members, _table.Totals.DaySum));
        Assert.True(_table.TeacherBoard(Period.Day).Contains("T1"));
    }

    [Fact]
    public void StaleReport_ArrivingAfterARemoval_DoesNotReviveTheTeacher()
    {
        Assert.True(_table.TryApply(Report(3, counted: false, Monday, 5, 5, 5), out _));
        Assert.False(_table.TryApply(Report(2, counted: true, Monday, 5, 5, 5), out _));

        Assert.Equal(0, _table.Totals.Members);
        Assert.False(_table.TeacherBoard(Period.Year).Contains("T1"));
    }

    [Fact]
    public void NewerReport_ReplacesTheOldContribution()
    {
        _table.TryApply(Report(1, true, Monday, 5, 25, 25), out _);
        _table.TryApply(Report(2, true, Monday, 10, 30, 30), out var previous);

        Assert.Equal(5, previous.Scores.Day);
        Assert.Equal((1, 10L, 30L, 1), (_table.Totals.Members, _table.Totals.DaySum, _table.Totals.MonthSum, _table.Totals.MonthActive));
    }

    [Fact]
    public void ReportFromYesterday_CountsInTheMonthButNotInToday()
    {
        _table.RollTo(Tuesday);
        _table.TryApply(Report(1, true, Monday, 7, 40, 40), out _);

        Assert.Equal((0L, 0, 40L, 1), (_table.Totals.DaySum, _table.Totals.DayActive, _table.Totals.MonthSum, _table.Totals.MonthActive));
        Assert.Equal(0.0, _table.TeacherBoard(Period.Day).ScoreOf("T1"));
    }

    [Fact]
    public void RollTo_NewMonth_StartsDayAndMonthAtZero_KeepsYear_AndKeepsWhatClosed()
    {
        _table.TryApply(Report(1, true, Monday, 7, 40, 40), out _);

        _table.RollTo(April);

        Assert.Equal((0L, 0L, 40L), (_table.Totals.DaySum, _table.Totals.MonthSum, _table.Totals.YearSum));
        Assert.Equal(0.0, _table.TeacherBoard(Period.Month).ScoreOf("T1"));
        Assert.Equal(40.0, _table.TeacherBoard(Period.Year).ScoreOf("T1"));
        Assert.Equal(40L, _table.Figures(Period.Month, Monday.Month).Total);
        Assert.Equal(7L, _table.Figures(Period.Day, Monday.Day).Total);
    }

    [Fact]
    public void LateReport_ChangesTheClosedDay_AndItsRanking()
    {
        _table.TryApply(Report(1, true, Monday, 7, 40, 40), out _);
        _table.TryApply(new TeacherChange("T2", 1, "S1", true, Monday, new PeriodScores(9, 9, 9)), out _);
        _table.RollTo(Tuesday);
        // Monday is still inside the grace window: its ranking, once asked for, is kept current.
        Assert.Equal(["T2", "T1"], _table.TeacherBoard(Period.Day, Monday.Day, firstOpenDay: Monday.Day).Page(0, 10).Select(e => e.Id));

        // A late event for Monday: the teacher now reports Tuesday's keys, with Monday in its past.
        var late = Report(2, true, Tuesday, 0, 45, 45) with { Past = Past(2, new PastScore(Period.Day, Monday.Day, 12)) };
        _table.TryApply(late, out _);

        Assert.Equal(new PeriodFigures(21, 10.5, 2, 1), _table.Figures(Period.Day, Monday.Day));
        Assert.Equal(54L, _table.Figures(Period.Month, Monday.Month).Total);
        Assert.Equal([("T1", 12.0), ("T2", 9.0)], _table.TeacherBoard(Period.Day, Monday.Day, firstOpenDay: Monday.Day).Page(0, 10).Select(e => (e.Id, e.Score)));
    }

    [Fact]
    public void TeacherLeaving_TakesItsWholeHistoryAway()
    {
        var past = Past(1, new PastScore(Period.Day, Monday.Day, 7), new PastScore(Period.Month, Monday.Month - 1, 50));
        _table.TryApply(Report(1, true, Tuesday, 3, 10, 60) with { Past = past }, out _);
        Assert.Equal((7L, 50L), (_table.Figures(Period.Day, Monday.Day).Total, _table.Figures(Period.Month, Monday.Month - 1).Total));

        _table.TryApply(Report(2, false, Tuesday, 3, 10, 60, school: "S1") with { Past = past }, out _);

        Assert.Equal((0, 0L, 0L, 0L), (_table.Members, _table.Figures(Period.Day, Monday.Day).Total, _table.Figures(Period.Month, Monday.Month - 1).Total, _table.Totals.YearSum));
        Assert.Equal(0, _table.TeacherBoard(Period.Day, Monday.Day, firstOpenDay: Tuesday.Day).Count);
    }

    [Fact]
    public void SamePastOnANewerReport_IsNotCountedTwice()
    {
        var past = Past(1, new PastScore(Period.Day, Monday.Day, 7));
        _table.RollTo(Tuesday);
        _table.TryApply(Report(1, true, Tuesday, 3, 10, 10) with { Past = past }, out _);
        // The same past again, as a copy from another silo would carry it: equal by version, not by reference.
        _table.TryApply(Report(2, true, Tuesday, 5, 12, 12) with { Past = past with { } }, out _);

        Assert.Equal((7L, 5L), (_table.Figures(Period.Day, Monday.Day).Total, _table.Totals.DaySum));
    }

    [Fact]
    public void ANewPastWithTheSameScores_LeavesClosedPeriodsUntouched()
    {
        _table.RollTo(Tuesday);
        _table.TryApply(Report(1, true, Monday, 7, 40, 40), out _);
        var closedBoard = _table.TeacherBoard(Period.Day, Monday.Day, firstOpenDay: Tuesday.Day);
        var stamp = _table.StampOf(Period.Day, Monday.Day);

        // After midnight the teacher reports today's keys; Monday moves into its past with the same 7 points.
        _table.TryApply(Report(2, true, Tuesday, 5, 45, 45) with { Past = Past(2, new PastScore(Period.Day, Monday.Day, 7)) }, out _);

        Assert.Equal(stamp, _table.StampOf(Period.Day, Monday.Day));
        Assert.Same(closedBoard, _table.TeacherBoard(Period.Day, Monday.Day, firstOpenDay: Tuesday.Day));
        Assert.Equal((7L, 5L, 45L), (_table.Figures(Period.Day, Monday.Day).Total, _table.Totals.DaySum, _table.Totals.MonthSum));
    }

    [Fact]
    public void AnOpenPeriodsRanking_FollowsJoinsAndLeaves()
    {
        _table.RollTo(Tuesday);
        _table.TryApply(Report(1, true, Monday, 7, 7, 7), out _);
        var open = _table.TeacherBoard(Period.Day, Monday.Day, firstOpenDay: Monday.Day);

        _table.TryApply(new TeacherChange("T2", 1, "S1", true, Tuesday, new PeriodScores(3, 3, 3)), out _);
        Assert.Equal([("T1", 7.0), ("T2", 0.0)], open.Page(0, 10).Select(e => (e.Id, e.Score)));

        _table.TryApply(Report(2, false, Monday, 7, 7, 7), out _);
        Assert.Equal([("T2", 0.0)], open.Page(0, 10).Select(e => (e.Id, e.Score)));
    }

    private static TeacherPast Past(long version, params PastScore[] scores) => new(version, scores);

    [Fact]
    public void RollTo_AnEarlierDay_ChangesNothing()
    {
        _table.RollTo(Tuesday);
        _table.RollTo(Monday);
        Assert.Equal(Tuesday, _table.Current);
    }

    [Fact]
    public void RankedOnDemand_AnswersLikeRankedAsReportsArrive()
    {
        var onDemand = new MemberTable(Rules, Monday, rankAsReportsArrive: false);
        var reports = new[]
        {
            new TeacherChange("A", 1, "S1", true, Monday, new PeriodScores(5, 5, 5)),
            new TeacherChange("B", 1, "S1", true, Monday, new PeriodScores(9, 9, 9)),
            new TeacherChange("A", 2, "S1", true, Monday, new PeriodScores(9, 12, 40)),
            new TeacherChange("C", 1, "S1", true, Monday, new PeriodScores(1, 1, 1)),
            new TeacherChange("C", 2, "S1", false, Monday, new PeriodScores(1, 1, 1)),
        };
        foreach (var report in reports)
        {
            _table.TryApply(report, out _);
            onDemand.TryApply(report, out _);
            Assert.Equal(_table.TeacherBoard(Period.Month).Page(0, 10), onDemand.TeacherBoard(Period.Month).Page(0, 10));
        }
        _table.RollTo(Tuesday);
        onDemand.RollTo(Tuesday);
        foreach (var period in new[] { Period.Day, Period.Month, Period.Year })
        {
            Assert.Equal(_table.TeacherBoard(period).Page(0, 10), onDemand.TeacherBoard(period).Page(0, 10));
        }
        Assert.Equal([("A", 40.0), ("B", 9.0)], onDemand.TeacherBoard(Period.Year).Page(0, 10).Select(e => (e.Id, e.Score)));
    }
}
