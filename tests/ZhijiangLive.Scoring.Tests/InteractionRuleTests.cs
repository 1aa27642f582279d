using static ZhijiangLive.Scoring.Tests.LedgerAssert;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>interaction: distinct students or parents in a day; the 5th earns 3, the 10th 2 more; 5 a day.</summary>
public sealed class InteractionRuleTests
{
    private readonly TeacherHarness _t = new();

    [Fact]
    public void Interaction_FirstFourCounterparts_EarnNothingYet()
    {
        var entries = _t.InteractWith(4, OnDay(0));
        for (var i = 0; i < 4; i++)
        {
            Refused(entries[i], "interaction", Date(0), $"{i + 1} of 5 counterparts");
        }
        Assert.Equal(0, _t.DayPoints(Date(0), "interaction"));
    }

    [Fact]
    public void Interaction_FifthDistinctCounterpart_EarnsThree()
    {
        var entries = _t.InteractWith(5, OnDay(0));
        Paid(entries[4], "interaction", 3, Date(0));
        Assert.Equal(3, _t.DayPoints(Date(0), "interaction"));
    }

    [Fact]
    public void Interaction_SixthToNinth_EarnNothing_TenthEarnsTwo()
    {
        var entries = _t.InteractWith(10, OnDay(0));
        for (var i = 5; i < 9; i++)
        {
            Refused(entries[i], "interaction", Date(0), $"{i + 1} of 10 counterparts");
        }
        Paid(entries[9], "interaction", 2, Date(0));
        Assert.Equal(5, _t.DayPoints(Date(0), "interaction"));
    }

    [Fact]
    public void Interaction_EleventhCounterpart_RefusedByDailyCap()
    {
        _t.InteractWith(10, OnDay(0));
        Refused(_t.Interact("c11", OnDay(0, hour: 20)), "interaction", Date(0), "daily cap 5 reached");
        Assert.Equal(5, _t.Scores(Date(0)).Day.Points);
    }

    [Fact]
    public void Interaction_RepeatedCounterpart_CountsOnce()
    {
        _t.InteractWith(4, OnDay(0, hour: 8));
        Refused(_t.Interact("c4", OnDay(0, hour: 9)), "interaction", Date(0), "already counted");
        Refused(_t.Interact("c1", OnDay(0, hour: 9)), "interaction", Date(0), "already counted");
        Assert.Equal(0, _t.DayPoints(Date(0), "interaction"));
        Paid(_t.Interact("c5", OnDay(0, hour: 10)), "interaction", 3, Date(0));
    }

    [Fact]
    public void Interaction_RepeatAfterTheTenth_EarnsNothing()
    {
        _t.InteractWith(10, OnDay(0, hour: 8));
        Refused(_t.Interact("c10", OnDay(0, hour: 9)), "interaction", Date(0), "already counted");
        Assert.Equal(5, _t.DayPoints(Date(0), "interaction"));
    }

    [Fact]
    public void Interaction_NextDay_StartsFreshWithTheSameCounterparts()
    {
        _t.InteractWith(10, OnDay(0));
        var next = _t.InteractWith(10, OnDay(1));
        Refused(next[0], "interaction", Date(1), "1 of 5 counterparts");
        Paid(next[4], "interaction", 3, Date(1));
        Paid(next[9], "interaction", 2, Date(1));
        Assert.Equal(10, _t.Scores(Date(1)).Month.ByRule["interaction"]);
    }

    [Fact]
    public void Interaction_DayBoundaryAtLocalMidnight_SplitsTheCount()
    {
        _t.InteractWith(4, At(Date(0), 23, 59, 59));
        var afterMidnight = _t.Interact("c5", At(Date(1), 0, 0, 0));
        Refused(afterMidnight, "interaction", Date(1), "1 of 5 counterparts");
    }
}
