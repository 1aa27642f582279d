using static ZhijiangLive.Scoring.Tests.LedgerAssert;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>login: 1 a day; from the 7th consecutive login day on (7 included), 2 per login and 2 a day.</summary>
public sealed class LoginRuleTests
{
    private readonly TeacherHarness _t = new();

    /// <summary>Logs in once a day on days <paramref name="first"/>..<paramref name="last"/> at 09:00 local.</summary>
    private void LoginDaily(int first, int last)
    {
        for (var d = first; d <= last; d++)
        {
            _t.Login(OnDay(d, hour: 9));
        }
    }

    [Fact]
    public void Login_FirstOfTheDay_EarnsOne()
    {
        Paid(_t.Login(OnDay(0)), "login", 1, Date(0));
        Assert.Equal(1, _t.Scores(Date(0)).Day.ByRule["login"]);
        Assert.Equal(1, _t.Scores(Date(0)).LoginStreak);
    }

    [Fact]
    public void Login_SecondOfTheDayBeforeAStreak_EarnsNothing()
    {
        _t.Login(OnDay(0, hour: 8));
        Refused(_t.Login(OnDay(0, hour: 20)), "login", Date(0), "daily cap 1 reached");
        Assert.Equal(1, _t.Scores(Date(0)).Day.Points);
    }

    [Fact]
    public void Login_SixthConsecutiveDay_EarnsOne()
    {
        LoginDaily(0, 4);
        Paid(_t.Login(OnDay(5)), "login", 1, Date(5));
        Refused(_t.Login(OnDay(5, hour: 21)), "login", Date(5), "daily cap 1 reached");
        Assert.Equal(6, _t.Scores(Date(5)).LoginStreak);
    }

    [Fact]
    public void Login_SeventhConsecutiveDay_EarnsTwo()
    {
        LoginDaily(0, 5);
        Paid(_t.Login(OnDay(6)), "login", 2, Date(6));
        var scores = _t.Scores(Date(6));
        Assert.Equal(7, scores.LoginStreak);
        Assert.Equal(2, scores.Day.ByRule["login"]);
        Assert.Equal(6 + 2, scores.Month.ByRule["login"]);
    }

    [Fact]
    public void Login_SecondOnTheSeventhDay_EarnsNothingMore()
    {
        LoginDaily(0, 6);
        Refused(_t.Login(OnDay(6, hour: 22)), "login", Date(6), "daily cap 2 reached");
        Assert.Equal(2, _t.DayPoints(Date(6), "login"));
    }

    [Fact]
    public void Login_EighthAndLaterConsecutiveDays_KeepEarningTwo()
    {
        LoginDaily(0, 6);
        Paid(_t.Login(OnDay(7)), "login", 2, Date(7));
        Paid(_t.Login(OnDay(8)), "login", 2, Date(8));
        Assert.Equal(9, _t.Scores(Date(8)).LoginStreak);
        Assert.Equal(6 * 1 + 3 * 2, _t.Scores(Date(8)).Month.ByRule["login"]);
    }

    [Fact]
    public void Login_MissedDay_ResetsTheStreak()
    {
        LoginDaily(0, 5);               // six days: 1 each
        // day 6 missed
        Paid(_t.Login(OnDay(7)), "login", 1, Date(7));
        Assert.Equal(0, _t.Scores(Date(6)).LoginStreak);
        Assert.Equal(1, _t.Scores(Date(7)).LoginStreak);
        LoginDaily(8, 12);
        Assert.Equal(6, _t.Scores(Date(12)).LoginStreak);
        Assert.Equal(1, _t.DayPoints(Date(12), "login"));
        Paid(_t.Login(OnDay(13)), "login", 2, Date(13));
    }

    [Fact]
    public void Login_StreakAfterBreakAtSixDays_StillEarnsOneOnTheSeventhCalendarDay()
    {
        LoginDaily(0, 2);
        LoginDaily(4, 9);               // day 3 missed: days 4..9 are six in a row
        Assert.Equal(6, _t.Scores(Date(9)).LoginStreak);
        Assert.Equal(1, _t.DayPoints(Date(9), "login"));
        Paid(_t.Login(OnDay(10)), "login", 2, Date(10));
    }

    [Fact]
    public void Login_LateLoginFillingAGap_LetsASecondLoginTodayEarnOneMore()
    {
        LoginDaily(0, 2);
        LoginDaily(4, 5);
        Paid(_t.Login(OnDay(6, hour: 9)), "login", 1, Date(6));    // streak 3 today: 1
        Assert.Equal(3, _t.Scores(Date(6)).LoginStreak);

        // A login from day 3 arrives late (about 70 h), inside the grace window: it counts on day 3.
        _t.AcceptAt = OnDay(6, hour: 10);
        Paid(_t.Login(OnDay(3, hour: 12)), "login", 1, Date(3));
        _t.AcceptAt = null;
        Assert.Equal(7, _t.Scores(Date(6)).LoginStreak);

        Paid(_t.Login(OnDay(6, hour: 11)), "login", 1, Date(6));   // 2 a day now, 1 earned so far
        Refused(_t.Login(OnDay(6, hour: 12)), "login", Date(6), "daily cap 2 reached");
        Assert.Equal(2, _t.DayPoints(Date(6), "login"));
        Assert.Equal(1, _t.DayPoints(Date(3), "login"));
    }

    [Fact]
    public void Login_LateLoginThatLeavesTodayShortOfSeven_SecondLoginTodayStillEarnsNothing()
    {
        LoginDaily(1, 2);
        LoginDaily(4, 5);
        _t.Login(OnDay(6, hour: 9));
        _t.AcceptAt = OnDay(6, hour: 10);
        Paid(_t.Login(OnDay(3, hour: 12)), "login", 1, Date(3));
        _t.AcceptAt = null;
        Assert.Equal(6, _t.Scores(Date(6)).LoginStreak);
        Refused(_t.Login(OnDay(6, hour: 11)), "login", Date(6), "daily cap 1 reached");
    }

    [Fact]
    public void Login_DayBoundary_IsLocalMidnight()
    {
        // 23:59:59 local on day 0 and 00:00:00 local on day 1 are two login days.
        Paid(_t.Login(At(Date(0), 23, 59, 59)), "login", 1, Date(0));
        Paid(_t.Login(At(Date(1), 0, 0, 0)), "login", 1, Date(1));
        Assert.Equal(2, _t.Scores(Date(1)).LoginStreak);
    }
}
