using ZhijiangLive.Scoring.RulePacks;
using static ZhijiangLive.Scoring.Tests.LedgerAssert;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>
/// resource_spread: 1 per distinct spreading user of a resource, 2 a day per teacher, 50 per resource ever.
/// Every distinct non-owner spreader is counted (传播数), paid or not.
/// </summary>
public sealed class ResourceSpreadRuleTests
{
    private readonly TeacherHarness _t = new();

    private int SpreadCount(string resource) => _t.State.Resources![resource].SpreadCount;

    [Fact]
    public void Spread_FirstDistinctUser_EarnsOne()
    {
        Paid(_t.Spread("r1", "u1", OnDay(0)), "resource_spread", 1, Date(0));
        Assert.Equal(1, SpreadCount("r1"));
        Assert.Equal(1, _t.DayPoints(Date(0), "resource_spread"));
    }

    [Fact]
    public void Spread_SameUserSameResource_CountsOnceWhateverItDoesAndWhenever()
    {
        _t.Spread("r1", "u1", OnDay(0, hour: 8), "download");
        Refused(_t.Spread("r1", "u1", OnDay(0, hour: 9), "favourite"), "resource_spread", Date(0), "already counted");
        Refused(_t.Spread("r1", "u1", OnDay(1), "comment"), "resource_spread", Date(1), "already counted");
        Refused(_t.Spread("r1", "u1", OnDay(40), "share"), "resource_spread", Date(40), "already counted");
        Assert.Equal(1, SpreadCount("r1"));
        Assert.Equal(1, _t.Scores(Date(40)).Lifetime.Points);
    }

    [Fact]
    public void Spread_SameUserOnAnotherResource_CountsAgain()
    {
        _t.Spread("r1", "u1", OnDay(0));
        Paid(_t.Spread("r2", "u1", OnDay(0)), "resource_spread", 1, Date(0));
        Assert.Equal((1, 1), (SpreadCount("r1"), SpreadCount("r2")));
    }

    [Fact]
    public void Spread_OwnersOwnAction_IsIgnored()
    {
        Refused(_t.Spread("r1", TeacherHarness.TeacherId, OnDay(0)), "resource_spread", Date(0), "owner's own action");
        Assert.Equal(0, _t.State.Resources?.GetValueOrDefault("r1")?.SpreadCount ?? 0);
        Paid(_t.Spread("r1", "u1", OnDay(0)), "resource_spread", 1, Date(0));
        Assert.Equal(1, SpreadCount("r1"));
    }

    [Fact]
    public void Spread_ThirdSpreaderOfTheDay_RefusedByDailyCapButCounted()
    {
        Paid(_t.Spread("r1", "u1", OnDay(0)), "resource_spread", 1, Date(0));
        Paid(_t.Spread("r1", "u2", OnDay(0)), "resource_spread", 1, Date(0));
        Refused(_t.Spread("r1", "u3", OnDay(0)), "resource_spread", Date(0), "daily cap 2 reached");
        Assert.Equal(3, SpreadCount("r1"));
        Assert.Equal(2, _t.DayPoints(Date(0), "resource_spread"));
    }

    [Fact]
    public void Spread_SpreaderRefusedByDailyCap_EarnsNothingLater()
    {
        _t.Spread("r1", "u1", OnDay(0));
        _t.Spread("r1", "u2", OnDay(0));
        _t.Spread("r1", "u3", OnDay(0));
        Refused(_t.Spread("r1", "u3", OnDay(1), "comment"), "resource_spread", Date(1), "already counted");
        Assert.Equal(0, _t.DayPoints(Date(1), "resource_spread"));
        Paid(_t.Spread("r1", "u4", OnDay(1)), "resource_spread", 1, Date(1));
        Assert.Equal(4, SpreadCount("r1"));
    }

    [Fact]
    public void Spread_DailyCapIsPerTeacherAcrossResources()
    {
        _t.Spread("r1", "u1", OnDay(0));
        _t.Spread("r2", "u1", OnDay(0));
        Refused(_t.Spread("r3", "u1", OnDay(0)), "resource_spread", Date(0), "daily cap 2 reached");
        Assert.Equal(1, SpreadCount("r3"));
    }

    [Fact]
    public void Spread_FiftyFirstSpreader_RefusedByResourceCap_SpreadCountStaysExact()
    {
        // 2 a day: the 50 paid spreaders need 25 days.
        for (var day = 0; day < 25; day++)
        {
            Paid(_t.Spread("r1", $"u{2 * day + 1}", OnDay(day, hour: 9)), "resource_spread", 1, Date(day));
            Paid(_t.Spread("r1", $"u{2 * day + 2}", OnDay(day, hour: 10)), "resource_spread", 1, Date(day));
        }
        Assert.Equal(50, _t.State.Resources!["r1"].SpreadPoints);

        Refused(_t.Spread("r1", "u51", OnDay(25)), "resource_spread", Date(25), "resource cap 50 reached");
        for (var u = 52; u <= 60; u++)
        {
            Refused(_t.Spread("r1", $"u{u}", OnDay(26 + u % 3)), "resource_spread", Date(26 + u % 3), "resource cap 50 reached");
        }
        Assert.Equal(60, SpreadCount("r1"));
        Assert.Equal(50, _t.Scores(Date(28)).Lifetime.ByRule["resource_spread"]);

        // The cap is per resource: another resource still pays on the same day.
        Paid(_t.Spread("r2", "u51", OnDay(25)), "resource_spread", 1, Date(25));
    }

    [Fact]
    public void Spread_ResourceCapCountsPointsNotSpreaders()
    {
        var t = new TeacherHarness(RulePackLoader.DefaultWith("""{ "rules": { "resourceSpread": { "itemCap": 3 } } }"""));
        t.Spread("r1", "u1", OnDay(0));
        t.Spread("r1", "u2", OnDay(0));
        Refused(t.Spread("r1", "u3", OnDay(0)), "resource_spread", Date(0), "daily cap 2 reached");
        Paid(t.Spread("r1", "u4", OnDay(1)), "resource_spread", 1, Date(1));      // 3rd point: last paid
        Refused(t.Spread("r1", "u5", OnDay(1)), "resource_spread", Date(1), "resource cap 3 reached");
        Refused(t.Spread("r1", "u6", OnDay(2)), "resource_spread", Date(2), "resource cap 3 reached");
        Assert.Equal(6, t.State.Resources!["r1"].SpreadCount);
        Assert.Equal(3, t.State.Resources!["r1"].SpreadPoints);
    }

    [Fact]
    public void Spread_AfterDeletion_EarnsNothingAndIsNotCounted()
    {
        _t.Spread("r1", "u1", OnDay(0));
        _t.Delete("r1", OnDay(1));
        Refused(_t.Spread("r1", "u2", OnDay(1)), "resource_spread", Date(1), "resource deleted");
        Assert.Equal(1, SpreadCount("r1"));
        Assert.Equal(1, _t.Scores(Date(1)).Lifetime.Points);
    }
}
