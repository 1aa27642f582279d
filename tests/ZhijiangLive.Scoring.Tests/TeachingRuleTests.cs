using ZhijiangLive.Scoring.Events;
using static ZhijiangLive.Scoring.Tests.LedgerAssert;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>teaching: 5 per class taught with the teaching client, 10 a day; the same session_id counts once.</summary>
public sealed class TeachingRuleTests
{
    private readonly TeacherHarness _t = new();

    [Fact]
    public void Teaching_FirstSession_EarnsFive()
    {
        Paid(_t.Teach("s1", OnDay(0, hour: 8)), "teaching", 5, Date(0));
        Assert.Equal(5, _t.DayPoints(Date(0), "teaching"));
    }

    [Fact]
    public void Teaching_SecondDistinctSession_EarnsFiveReachingTheCap()
    {
        _t.Teach("s1", OnDay(0, hour: 8));
        Paid(_t.Teach("s2", OnDay(0, hour: 9)), "teaching", 5, Date(0));
        Assert.Equal(10, _t.DayPoints(Date(0), "teaching"));
    }

    [Fact]
    public void Teaching_ThirdSessionOfTheDay_RefusedByDailyCap()
    {
        _t.Teach("s1", OnDay(0, hour: 8));
        _t.Teach("s2", OnDay(0, hour: 9));
        Refused(_t.Teach("s3", OnDay(0, hour: 10)), "teaching", Date(0), "daily cap 10 reached");
        Assert.Equal(10, _t.Scores(Date(0)).Day.Points);
    }

    [Fact]
    public void Teaching_SameSessionIdTwice_CountsOnce()
    {
        Paid(_t.Teach("s1", OnDay(0, hour: 8)), "teaching", 5, Date(0));
        Refused(_t.Teach("s1", OnDay(0, hour: 8, minute: 45)), "teaching", Date(0), "already counted");
        Paid(_t.Teach("s2", OnDay(0, hour: 9)), "teaching", 5, Date(0));
        Assert.Equal(10, _t.DayPoints(Date(0), "teaching"));
    }

    [Fact]
    public void Teaching_SessionReportedAgainAcrossMidnight_CountsOnce()
    {
        Paid(_t.Teach("late-class", At(Date(0), 23, 30)), "teaching", 5, Date(0));
        Refused(_t.Teach("late-class", At(Date(1), 0, 15)), "teaching", Date(1), "already counted");
        Assert.Equal(0, _t.DayPoints(Date(1), "teaching"));
    }

    [Fact]
    public void Teaching_NextDay_StartsAFreshCap()
    {
        _t.Teach("s1", OnDay(0, hour: 8));
        _t.Teach("s2", OnDay(0, hour: 9));
        Paid(_t.Teach("s3", OnDay(1, hour: 8)), "teaching", 5, Date(1));
        Paid(_t.Teach("s4", OnDay(1, hour: 9)), "teaching", 5, Date(1));
        Refused(_t.Teach("s5", OnDay(1, hour: 10)), "teaching", Date(1), "daily cap 10 reached");
        Assert.Equal(20, _t.Scores(Date(1)).Month.ByRule["teaching"]);
    }

    [Fact]
    public void Teaching_MobileClientSession_CountsAsMobilePoints()
    {
        _t.Teach("s1", OnDay(0, hour: 8), ClientKind.Mobile);
        _t.Teach("s2", OnDay(0, hour: 9), ClientKind.Pc);
        var day = _t.Scores(Date(0)).Day;
        Assert.Equal((10, 5), (day.Points, day.MobilePoints));
        Assert.Equal(0.5, day.MobileShare);
    }
}
