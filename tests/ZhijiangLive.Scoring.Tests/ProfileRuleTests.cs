using static ZhijiangLive.Scoring.Tests.LedgerAssert;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>profile: 5 on the first update at which avatar, contact, school/class and subject are all filled; never again.</summary>
public sealed class ProfileRuleTests
{
    private readonly TeacherHarness _t = new();

    [Fact]
    public void Profile_AllFourFlags_EarnsFive()
    {
        Paid(_t.Profile(OnDay(0)), "profile", 5, Date(0));
        var scores = _t.Scores(Date(0));
        Assert.Equal(5, scores.Day.ByRule["profile"]);
        Assert.Equal(5, scores.Lifetime.ByRule["profile"]);
    }

    [Theory]
    [InlineData(false, true, true, true)]
    [InlineData(true, false, true, true)]
    [InlineData(true, true, false, true)]
    [InlineData(true, true, true, false)]
    [InlineData(false, false, false, false)]
    public void Profile_AnyFlagMissing_EarnsNothing(bool avatar, bool contact, bool school, bool subject)
    {
        Refused(_t.Profile(OnDay(0), avatar, contact, school, subject), "profile", Date(0), "profile incomplete");
        Assert.Equal(0, _t.Scores(Date(0)).Lifetime.Points);
    }

    [Fact]
    public void Profile_IncompleteThenComplete_PaysOnTheCompletingUpdate()
    {
        Refused(_t.Profile(OnDay(0), subject: false), "profile", Date(0), "profile incomplete");
        Refused(_t.Profile(OnDay(1), avatar: false), "profile", Date(1), "profile incomplete");
        Paid(_t.Profile(OnDay(2)), "profile", 5, Date(2));
        Assert.Equal(0, _t.Scores(Date(1)).Day.Points);
        Assert.Equal(5, _t.Scores(Date(2)).Day.Points);
    }

    [Fact]
    public void Profile_SecondCompleteUpdateSameDay_EarnsNothing()
    {
        _t.Profile(OnDay(0, hour: 9));
        Refused(_t.Profile(OnDay(0, hour: 15)), "profile", Date(0), "already counted");
        Assert.Equal(5, _t.Scores(Date(0)).Day.ByRule["profile"]);
    }

    [Fact]
    public void Profile_CompleteAgainMonthsLater_EarnsNothing()
    {
        _t.Profile(OnDay(0));
        Refused(_t.Profile(OnDay(200)), "profile", Date(200), "already counted");
        Assert.Equal(5, _t.Scores(Date(200)).Lifetime.Points);
    }

    [Fact]
    public void Profile_IncompleteAfterCompletion_IsAlreadyCounted()
    {
        _t.Profile(OnDay(0));
        Refused(_t.Profile(OnDay(1), avatar: false), "profile", Date(1), "already counted");
    }
}
