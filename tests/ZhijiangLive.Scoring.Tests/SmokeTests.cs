using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Login_FirstOfTheDay_EarnsOne()
    {
        var scorer = new TeacherScorer(RulePackLoader.Default);
        var state = new TeacherState("t1");
        var at = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        var outcome = scorer.Apply(state, new ActivityEvent("e1", "t1", at, ClientKind.Pc, Login.Instance), at);
        Assert.Equal(new LedgerEntry("e1", "login", 1, new DateOnly(2026, 3, 2), null), outcome.Entry);
        var scores = new ScoreReader(RulePackLoader.Default).Read(state, new DateOnly(2026, 3, 2));
        Assert.Equal(1, scores.Day.Points);
        Assert.Equal(1, scores.Year.ByRule["login"]);
    }
}
