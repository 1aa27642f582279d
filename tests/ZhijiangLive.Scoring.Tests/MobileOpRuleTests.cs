using ZhijiangLive.Scoring.Events;
using static ZhijiangLive.Scoring.Tests.LedgerAssert;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>mobile_op: 1 per effective operation on the mobile app, 2 a day.</summary>
public sealed class MobileOpRuleTests
{
    private readonly TeacherHarness _t = new();

    [Fact]
    public void MobileOp_FirstAndSecondOfTheDay_EarnOneEach()
    {
        Paid(_t.MobileOp(OnDay(0, hour: 8)), "mobile_op", 1, Date(0));
        Paid(_t.MobileOp(OnDay(0, hour: 9)), "mobile_op", 1, Date(0));
        Assert.Equal(2, _t.DayPoints(Date(0), "mobile_op"));
    }

    [Fact]
    public void MobileOp_ThirdOfTheDay_RefusedByDailyCap()
    {
        _t.MobileOp(OnDay(0, hour: 8));
        _t.MobileOp(OnDay(0, hour: 9));
        Refused(_t.MobileOp(OnDay(0, hour: 10)), "mobile_op", Date(0), "daily cap 2 reached");
        Refused(_t.MobileOp(OnDay(0, hour: 23)), "mobile_op", Date(0), "daily cap 2 reached");
        Assert.Equal(2, _t.Scores(Date(0)).Day.Points);
    }

    [Fact]
    public void MobileOp_NextDay_StartsFresh()
    {
        _t.MobileOp(OnDay(0, hour: 8));
        _t.MobileOp(OnDay(0, hour: 9));
        Paid(_t.MobileOp(OnDay(1, hour: 0)), "mobile_op", 1, Date(1));
        Paid(_t.MobileOp(OnDay(1, hour: 1)), "mobile_op", 1, Date(1));
        Refused(_t.MobileOp(OnDay(1, hour: 2)), "mobile_op", Date(1), "daily cap 2 reached");
        Assert.Equal(4, _t.Scores(Date(1)).Month.ByRule["mobile_op"]);
    }

    [Fact]
    public void MobileOp_PointsCountAsMobilePoints()
    {
        _t.MobileOp(OnDay(0, hour: 8));
        _t.MobileOp(OnDay(0, hour: 9));
        var day = _t.Scores(Date(0)).Day;
        Assert.Equal(2, day.MobilePoints);
        Assert.Equal(1.0, day.MobileShare);
    }

    [Fact]
    public void MobileOp_DailyCapIsSharedAcrossClients()
    {
        Paid(_t.Score(new MobileOperation("upload"), OnDay(0, hour: 8), ClientKind.Pc), "mobile_op", 1, Date(0));
        Paid(_t.MobileOp(OnDay(0, hour: 9)), "mobile_op", 1, Date(0));
        Refused(_t.MobileOp(OnDay(0, hour: 10)), "mobile_op", Date(0), "daily cap 2 reached");
        Assert.Equal(1, _t.Scores(Date(0)).Day.MobilePoints);
    }
}
