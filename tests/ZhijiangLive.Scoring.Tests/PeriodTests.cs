using ZhijiangLive.Scoring.Events;
using static ZhijiangLive.Scoring.Tests.LedgerAssert;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>Day, month and year are calendar periods in Asia/Shanghai (UTC+8) of the event's occurred_at.</summary>
public sealed class PeriodTests
{
    private readonly TeacherHarness _t = new();

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void DayBoundary_1559_59Utc_IsTheSameLocalDay_1600Utc_IsTheNext()
    {
        Paid(_t.Teach("s1", Utc(2026, 3, 2, 15, 59, 59)), "teaching", 5, new DateOnly(2026, 3, 2));
        Paid(_t.Teach("s2", Utc(2026, 3, 2, 16, 0, 0)), "teaching", 5, new DateOnly(2026, 3, 3));
        Assert.Equal(5, _t.Scores(new DateOnly(2026, 3, 2)).Day.Points);
        Assert.Equal(5, _t.Scores(new DateOnly(2026, 3, 3)).Day.Points);
    }

    [Fact]
    public void DayBoundary_EarlyMorningLocal_IsThePreviousUtcDate()
    {
        // 07:30 local on Mar 3 is 23:30 UTC on Mar 2: it counts on Mar 3.
        Paid(_t.Login(Utc(2026, 3, 2, 23, 30)), "login", 1, new DateOnly(2026, 3, 3));
        Assert.Equal(0, _t.Scores(new DateOnly(2026, 3, 2)).Day.Points);
    }

    [Fact]
    public void MonthRollover_LastSecondOfMarchAndFirstOfApril_CountInTheirMonths()
    {
        Paid(_t.Teach("s1", Utc(2026, 3, 31, 15, 59, 59)), "teaching", 5, new DateOnly(2026, 3, 31));
        Paid(_t.Teach("s2", Utc(2026, 3, 31, 16, 0, 0)), "teaching", 5, new DateOnly(2026, 4, 1));
        Paid(_t.UseApp("weike", Utc(2026, 4, 1, 2, 0, 0)), "app", 2, new DateOnly(2026, 4, 1));
        var march = _t.Scores(new DateOnly(2026, 3, 15)).Month;
        var april = _t.Scores(new DateOnly(2026, 4, 1)).Month;
        Assert.Equal((5, 5, 0), (march.Points, march.ByRule["teaching"], march.ByRule["app"]));
        Assert.Equal((7, 5, 2), (april.Points, april.ByRule["teaching"], april.ByRule["app"]));
        Assert.Equal(12, _t.Scores(new DateOnly(2026, 4, 1)).Year.Points);
    }

    [Fact]
    public void YearRollover_Dec31LocalAndJan1Local_CountInTheirYears()
    {
        // 2026-12-31T16:30Z is still Dec 31 in UTC but already Jan 1, 2027 in Shanghai.
        Paid(_t.Teach("s1", Utc(2026, 12, 31, 15, 59, 59)), "teaching", 5, new DateOnly(2026, 12, 31));
        Paid(_t.Teach("s2", Utc(2026, 12, 31, 16, 30)), "teaching", 5, new DateOnly(2027, 1, 1));
        Paid(_t.Login(Utc(2026, 12, 31, 17, 0)), "login", 1, new DateOnly(2027, 1, 1));

        var dec31 = _t.Scores(new DateOnly(2026, 12, 31));
        var jan1 = _t.Scores(new DateOnly(2027, 1, 1));
        Assert.Equal((5, 5, 5), (dec31.Day.Points, dec31.Month.Points, dec31.Year.Points));
        Assert.Equal((6, 6, 6), (jan1.Day.Points, jan1.Month.Points, jan1.Year.Points));
        Assert.Equal(11, jan1.Lifetime.Points);
        Assert.Equal(11, dec31.Lifetime.Points);
    }

    [Fact]
    public void Query_ForADate_IncludesEventsDatedLaterInTheSameMonthAndYear()
    {
        _t.Teach("s1", OnDay(0));
        _t.Teach("s2", OnDay(20));
        var early = _t.Scores(Date(0));
        Assert.Equal((5, 10, 10), (early.Day.Points, early.Month.Points, early.Year.Points));
    }

    [Fact]
    public void Breakdown_HoldsEveryRuleForDayMonthYearAndLifetime()
    {
        _t.Login(OnDay(0, hour: 8));
        _t.Profile(OnDay(0, hour: 8));
        _t.MobileOp(OnDay(0, hour: 8));
        _t.Spread("r1", "u1", OnDay(0, hour: 8));
        _t.Review("r1", ReviewLevel.City, OnDay(0, hour: 8));
        _t.Teach("s1", OnDay(0, hour: 8));
        _t.Publish("k1", OnDay(0, hour: 8));
        _t.EngageStudents("k1", 10, OnDay(0, hour: 8));
        _t.InteractWith(5, OnDay(0, hour: 8));
        _t.UseApp("weike", OnDay(0, hour: 8));
        var expected = new Dictionary<string, int>
        {
            ["login"] = 1, ["profile"] = 5, ["mobile_op"] = 1, ["resource_spread"] = 1, ["resource_review"] = 7,
            ["teaching"] = 5, ["guidance"] = 5, ["interaction"] = 3, ["app"] = 2,
        };
        var scores = _t.Scores(Date(0));
        foreach (var period in new[] { scores.Day, scores.Month, scores.Year, scores.Lifetime })
        {
            Assert.Equal(expected, period.ByRule);
            Assert.Equal(30, period.Points);
        }
    }

    [Fact]
    public void EmptyPeriod_ScoresZeroWithEveryRuleAtZero()
    {
        var scores = _t.Scores(Date(0));
        Assert.Equal(0, scores.Day.Points);
        Assert.Equal(RuleIds.All.Order(), scores.Month.ByRule.Keys.Order());
        Assert.All(scores.Year.ByRule.Values, v => Assert.Equal(0, v));
        Assert.Equal(0, scores.Day.MobileShare);
    }

    [Fact]
    public void MobileShare_IsMobileClientPointsOverAllPoints()
    {
        _t.Login(OnDay(0, hour: 8), ClientKind.Mobile);             // 1 mobile
        _t.MobileOp(OnDay(0, hour: 8));                              // 1 mobile
        _t.UseApp("weike", OnDay(0, hour: 8), ClientKind.Mobile);   // 2 mobile
        _t.Teach("s1", OnDay(0, hour: 8), ClientKind.Pc);           // 5
        _t.UseApp("base-school", OnDay(0, hour: 8), ClientKind.Web); // 2
        _t.Teach("s2", OnDay(1, hour: 8), ClientKind.Unspecified);  // 5, next day
        var day0 = _t.Scores(Date(0)).Day;
        Assert.Equal((11, 4), (day0.Points, day0.MobilePoints));
        Assert.Equal(4.0 / 11, day0.MobileShare, 12);
        var month = _t.Scores(Date(1)).Month;
        Assert.Equal((16, 4), (month.Points, month.MobilePoints));
        Assert.Equal(0.25, month.MobileShare);
        Assert.Equal(0.25, _t.Scores(Date(1)).Year.MobileShare);
        Assert.Equal(0.25, _t.Scores(Date(1)).Lifetime.MobileShare);
    }

    [Fact]
    public void RefusedMobileEvents_AddNoMobilePoints()
    {
        _t.MobileOp(OnDay(0, hour: 8));
        _t.MobileOp(OnDay(0, hour: 9));
        _t.MobileOp(OnDay(0, hour: 10));                            // refused by the cap
        _t.Login(OnDay(0, hour: 8), ClientKind.Pc);
        _t.Login(OnDay(0, hour: 9), ClientKind.Mobile);              // refused by the cap
        var day = _t.Scores(Date(0)).Day;
        Assert.Equal((3, 2), (day.Points, day.MobilePoints));
    }

    [Fact]
    public void ActiveSpace_MonthNeedsThirtyPoints()
    {
        _t.Teach("s1", OnDay(0, hour: 8));
        _t.Teach("s2", OnDay(0, hour: 9));
        _t.Teach("s3", OnDay(1, hour: 8));
        _t.Teach("s4", OnDay(1, hour: 9));
        _t.Teach("s5", OnDay(2, hour: 8));
        _t.MobileOp(OnDay(2, hour: 8));
        _t.MobileOp(OnDay(2, hour: 9));
        _t.MobileOp(OnDay(3, hour: 8));
        _t.MobileOp(OnDay(3, hour: 9));                               // 29
        var before = _t.Scores(Date(3));
        Assert.Equal((29, true, false, false), (before.Month.Points, before.ActiveDay, before.ActiveMonth, before.ActiveYear));
        Assert.False(_t.Scores(Date(4)).ActiveDay);
        _t.Login(OnDay(3, hour: 10));                                 // 30
        Assert.True(_t.Scores(Date(3)).ActiveMonth);
    }

    [Fact]
    public void MobileShare_ReviewTakenBack_FollowsTheClientsThatEarnedIt()
    {
        _t.Score(new ResourceReviewed("r1", ReviewLevel.County), OnDay(0, hour: 8), ClientKind.Pc);      // 3 on PC
        _t.Score(new ResourceReviewed("r1", ReviewLevel.City), OnDay(0, hour: 9), ClientKind.Mobile);    // 7 on mobile
        _t.Login(OnDay(0, hour: 9), ClientKind.Mobile);                                                  // 1 on mobile
        _t.Score(new ResourceDeleted("r1"), OnDay(0, hour: 10), ClientKind.Pc);                          // -10: -3 PC, -7 mobile

        var day = _t.Scores(Date(0)).Day;
        Assert.Equal((1, 1), (day.Points, day.MobilePoints));
        Assert.Equal(1.0, day.MobileShare);
    }
}
