using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.State;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>SPEC §3: the same accepted sequence, with its acceptance instants, always yields the same scores.</summary>
public sealed class ReplayTests
{
    /// <summary>Forty days of mixed activity, with late events, deletions and days closing on the way.</summary>
    private static TeacherHarness Busy()
    {
        var t = new TeacherHarness();
        t.Profile(OnDay(0, hour: 7));
        for (var day = 0; day < 40; day++)
        {
            if (day % 9 != 4)
            {
                t.Login(OnDay(day, hour: 7), day % 2 == 0 ? ClientKind.Mobile : ClientKind.Pc);
            }
            t.MobileOp(OnDay(day, hour: 8));
            t.Spread("r1", $"u{day % 7}-{day / 3}", OnDay(day, hour: 9));
            t.Teach($"s{day}", OnDay(day, hour: 10), ClientKind.Mobile);
            t.InteractWith(day % 12, OnDay(day, hour: 11));
            t.UseApp(day % 3 == 0 ? "weike" : "base-school", OnDay(day, hour: 12));
            t.Publish($"k{day}", OnDay(day, hour: 13));
            t.EngageStudents($"k{day}", 10, OnDay(day, hour: 14));
            if (day is 10 or 12)
            {
                t.Review("r1", day == 10 ? ReviewLevel.Province : ReviewLevel.County, OnDay(day, hour: 15));
            }
            if (day % 5 == 3)
            {
                t.AcceptAt = OnDay(day, hour: 15);
                t.Login(OnDay(day - 1, hour: 22));
                t.Teach($"late{day}", OnDay(day - 2, hour: 20));
                t.AcceptAt = null;
            }
        }
        t.Delete("r1", OnDay(39, hour: 20));
        return t;
    }

    [Fact]
    public void ReplayingTheJournal_ReproducesLedgerAndScores()
    {
        var original = Busy();
        var replayed = new TeacherState(TeacherHarness.TeacherId);
        var ledger = original.Journal.Select(j => original.Scorer.Apply(replayed, j.Event, j.AcceptedAt).Entry).ToList();

        Assert.Equal(original.Ledger, ledger);
        for (var day = 0; day < 40; day += 3)
        {
            var expected = original.Scores(Date(day));
            var actual = original.Reader.Read(replayed, Date(day));
            Assert.Equal((expected.Day.Points, expected.Day.MobilePoints), (actual.Day.Points, actual.Day.MobilePoints));
            Assert.Equal(expected.Month.ByRule, actual.Month.ByRule);
            Assert.Equal(expected.Year.Points, actual.Year.Points);
            Assert.Equal(expected.Lifetime.ByRule, actual.Lifetime.ByRule);
            Assert.Equal(expected.LoginStreak, actual.LoginStreak);
        }
        Assert.Equal(original.State.Resources!["r1"].SpreadCount, replayed.Resources!["r1"].SpreadCount);
    }

    [Fact]
    public void ReplayWithAFreshScorer_GivesTheSameLedger()
    {
        var original = Busy();
        var scorer = new TeacherScorer(original.Pack);
        var replayed = new TeacherState(TeacherHarness.TeacherId);
        Assert.Equal(original.Ledger, original.Journal.Select(j => scorer.Apply(replayed, j.Event, j.AcceptedAt).Entry));
        Assert.Equal(original.State.Lifetime.Total, replayed.Lifetime.Total);
        Assert.Equal(original.State.Lifetime.Mobile, replayed.Lifetime.Mobile);
    }
}
