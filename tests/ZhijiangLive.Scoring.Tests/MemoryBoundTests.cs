using ZhijiangLive.Scoring.Events;
using static ZhijiangLive.Scoring.Tests.LedgerAssert;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>
/// A teacher's state stays small: once a day leaves the grace window its per-day working set is gone
/// and it is closed to its totals, which ScoreReader still answers, as it does month and year totals.
/// </summary>
public sealed class MemoryBoundTests
{
    private readonly TeacherHarness _t = new();

    /// <summary>A day of activity that fills every kind of working set: 5 + 2 + 3 = 10 points, 2 of them mobile.</summary>
    private void BusyDay(int day)
    {
        _t.Teach($"s{day}", OnDay(day, hour: 8));
        _t.UseApp("weike", OnDay(day, hour: 9), ClientKind.Mobile);
        _t.InteractWith(5, OnDay(day, hour: 10));
    }

    private int[] LiveDays() => _t.State.Days.Live.Select(b => b.Key - Date(0).DayNumber).ToArray();

    [Fact]
    public void DaysOutsideTheWindow_AreNoLongerLive()
    {
        for (var day = 0; day <= 9; day++)
        {
            BusyDay(day);
        }
        // The last event was accepted at 10:00 on day 9; 72 h earlier is day 6.
        Assert.Equal([6, 7, 8, 9], LiveDays());
        Assert.All(_t.State.Days.Live, b => Assert.NotNull(b.Working));
        Assert.Equal(6, _t.State.Days.Closed.Count);
    }

    [Fact]
    public void ClosedDays_KeepTheirTotals_WithoutBreakdown()
    {
        for (var day = 0; day <= 9; day++)
        {
            BusyDay(day);
        }
        var day0 = _t.Scores(Date(0));
        Assert.Equal((10, 2), (day0.Day.Points, day0.Day.MobilePoints));
        Assert.Empty(day0.Day.ByRule);
        Assert.Equal(100, day0.Month.Points);
        Assert.Equal(50, day0.Month.ByRule["teaching"]);
        Assert.Equal(100, day0.Year.Points);
        Assert.Equal(30, day0.Year.ByRule["interaction"]);
    }

    [Fact]
    public void Compact_WithoutEvents_ClosesEveryDayOutsideTheWindow()
    {
        BusyDay(0);
        BusyDay(1);
        _t.Scorer.Compact(_t.State, OnDay(20));
        Assert.Empty(_t.State.Days.Live);
        Assert.Equal(10, _t.Scores(Date(1)).Day.Points);
        Assert.Equal(20, _t.Scores(Date(1)).Month.Points);
        Assert.Equal((20, 6), (_t.Scores(Date(20)).Year.Points, _t.Scores(Date(20)).Year.ByRule["interaction"]));
    }

    [Fact]
    public void ClosedDayWithNothingEarned_LeavesNoTrace()
    {
        _t.MobileOp(OnDay(0));
        _t.Login(OnDay(1));
        _t.Delete("never-reviewed", OnDay(2));                      // 0 points
        _t.Scorer.Compact(_t.State, OnDay(10));
        Assert.Equal([Date(0).DayNumber, Date(1).DayNumber], _t.State.Days.Closed.Select(c => c.Key));
    }

    [Fact]
    public void DayTotals_OlderThanTheDayHistory_AreForgotten_MonthAndYearTotalsStay()
    {
        BusyDay(0);                                                 // 2026-03-02
        _t.Scorer.Compact(_t.State, OnDay(60));                     // 2026-05-01: horizon Apr 28
        Assert.Empty(_t.State.Days.Closed);
        Assert.Equal(0, _t.Scores(Date(0)).Day.Points);
        var march = _t.Scores(Date(0)).Month;
        Assert.Equal((10, 2), (march.Points, march.MobilePoints));
        Assert.Equal(10, _t.Scores(Date(60)).Year.Points);
        Assert.Equal((10, 5), (_t.Scores(Date(60)).Lifetime.Points, _t.Scores(Date(60)).Lifetime.ByRule["teaching"]));
    }

    [Fact]
    public void ClosedMonthAndYear_StayQueryable_LifetimeKeepsItsBreakdown()
    {
        var dec = new DateOnly(2026, 12, 20);
        _t.Teach("s1", At(dec, 9));
        _t.UseApp("weike", At(dec, 9), ClientKind.Mobile);
        _t.Scorer.Compact(_t.State, At(new DateOnly(2027, 2, 10), 9));
        Assert.Empty(_t.State.Months.Live);
        Assert.Empty(_t.State.Years.Live);

        var scores = _t.Scores(dec);
        Assert.Equal((7, 2), (scores.Month.Points, scores.Month.MobilePoints));
        Assert.Equal((7, 2), (scores.Year.Points, scores.Year.MobilePoints));
        Assert.Empty(scores.Year.ByRule);
        Assert.Equal(5, scores.Lifetime.ByRule["teaching"]);
        Assert.Equal(0, _t.Scores(new DateOnly(2027, 2, 10)).Year.Points);
    }

    [Fact]
    public void LoginStreak_SurvivesDaysClosing()
    {
        for (var day = 0; day < 40; day++)
        {
            _t.Login(OnDay(day));
        }
        Assert.Equal(40, _t.Scores(Date(39)).LoginStreak);
        Paid(_t.Login(OnDay(40)), "login", 2, Date(40));
        Assert.True(_t.State.Days.Live.Count <= 4);
        Assert.Single(_t.State.Logins.Runs);
    }

    [Fact]
    public void OldLoginRuns_AreForgotten()
    {
        _t.Login(OnDay(0));
        _t.Login(OnDay(1));
        _t.Login(OnDay(50));
        Assert.Equal([(Date(50).DayNumber, Date(50).DayNumber)], _t.State.Logins.Runs);
    }
}
