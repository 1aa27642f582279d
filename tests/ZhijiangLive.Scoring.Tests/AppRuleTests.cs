using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;
using static ZhijiangLive.Scoring.Tests.LedgerAssert;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>app: 2 per use of a registered provincial app, 2 per app per day; unknown apps are rejected.</summary>
public sealed class AppRuleTests
{
    private readonly TeacherHarness _t = new();

    [Theory]
    [InlineData("mingshi-studio")]
    [InlineData("base-school")]
    [InlineData("online-research")]
    [InlineData("weike")]
    [InlineData("subject-learning")]
    public void App_EachDefaultProvincialApp_EarnsTwo(string app)
    {
        Paid(_t.UseApp(app, OnDay(0)), "app", 2, Date(0));
    }

    [Fact]
    public void App_SecondUseOfTheSameAppThatDay_RefusedByPerAppCap()
    {
        _t.UseApp("weike", OnDay(0, hour: 8));
        Refused(_t.UseApp("weike", OnDay(0, hour: 9)), "app", Date(0), "daily cap 2 reached");
        Assert.Equal(2, _t.DayPoints(Date(0), "app"));
    }

    [Fact]
    public void App_DistinctAppsSameDay_EachPay()
    {
        foreach (var app in RulePackLoader.Default.Rules.App.Registry)
        {
            Paid(_t.UseApp(app, OnDay(0, hour: 8)), "app", 2, Date(0));
            Refused(_t.UseApp(app, OnDay(0, hour: 9)), "app", Date(0), "daily cap 2 reached");
        }
        Assert.Equal(10, _t.DayPoints(Date(0), "app"));
    }

    [Fact]
    public void App_SameAppNextDay_PaysAgain()
    {
        _t.UseApp("weike", OnDay(0));
        Paid(_t.UseApp("weike", OnDay(1)), "app", 2, Date(1));
        Assert.Equal(4, _t.Scores(Date(1)).Month.ByRule["app"]);
    }

    [Fact]
    public void App_UnknownAppId_RejectedAsUnknownApp()
    {
        var outcome = _t.Offer(new AppUsage("taobao"), OnDay(0));
        Assert.Equal(RejectionReason.UnknownApp, outcome.Rejection);
        Assert.Equal("UNKNOWN_APP", outcome.Rejection.ToCode());
        Assert.Contains("taobao", outcome.Detail);
        Assert.Empty(_t.Ledger);
        Assert.Equal(0, _t.Scores(Date(0)).Lifetime.Points);
    }

    [Fact]
    public void App_IdsAreCaseSensitive()
    {
        Assert.Equal(RejectionReason.UnknownApp, _t.Offer(new AppUsage("Weike"), OnDay(0)).Rejection);
    }

    [Fact]
    public void App_RegistryOverride_AcceptsNewAppsAndRejectsDroppedOnes()
    {
        var pack = RulePackLoader.DefaultWith("""{ "rules": { "app": { "registry": [ "weike", "zhijiang-ai" ] } } }""");
        var t = new TeacherHarness(pack);
        Paid(t.UseApp("zhijiang-ai", OnDay(0)), "app", 2, Date(0));
        Paid(t.UseApp("weike", OnDay(0)), "app", 2, Date(0));
        Assert.Equal(RejectionReason.UnknownApp, t.Offer(new AppUsage("mingshi-studio"), OnDay(0)).Rejection);
        Assert.Equal(4, t.DayPoints(Date(0), "app"));
    }

    [Fact]
    public void App_PointsAndPerAppCapOverride_AreObeyed()
    {
        var pack = RulePackLoader.DefaultWith("""{ "rules": { "app": { "points": 1, "dailyCapPerApp": 3 } } }""");
        var t = new TeacherHarness(pack);
        Paid(t.UseApp("weike", OnDay(0, hour: 8)), "app", 1, Date(0));
        Paid(t.UseApp("weike", OnDay(0, hour: 9)), "app", 1, Date(0));
        Paid(t.UseApp("weike", OnDay(0, hour: 10)), "app", 1, Date(0));
        Refused(t.UseApp("weike", OnDay(0, hour: 11)), "app", Date(0), "daily cap 3 reached");
    }
}
