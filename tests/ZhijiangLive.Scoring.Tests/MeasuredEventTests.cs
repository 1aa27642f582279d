using ZhijiangLive.Scoring.Events;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>
/// The kinds no rule decides (resource published, homework marked, follows, visits, reviews): accepted as any
/// event is, within the grace window and on an open day, but with 0 points, no rule and no change to any period.
/// </summary>
public sealed class MeasuredEventTests
{
    private static readonly TimeSpan Late = TimeSpan.FromHours(72);
    private static readonly TimeSpan Early = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly TeacherHarness _t = new();

    /// <summary>One body of each kind that only the evaluation rubrics measure, by its contract name.</summary>
    private static readonly Dictionary<string, ActivityBody> _measured = new()
    {
        ["resource_published"] = new ResourcePublished("r1", "micro_course", Original: true),
        ["homework_marked"] = new HomeworkMarked("k1", "s1"),
        ["space_followed"] = new SpaceFollowed("u1", Unfollowed: false),
        ["space_following"] = new SpaceFollowing("space-2", Unfollowed: true),
        ["space_visited"] = new SpaceVisited("u2"),
        ["review_received"] = new ReviewReceived("u3", "like", Positive: true),
    };

    public static TheoryData<string> Kinds => [.. _measured.Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MeasuredKind_IsAccepted_WithNoPointsAndNoRule(string kind)
    {
        var outcome = _t.Offer(_measured[kind], OnDay(0, hour: 11), ClientKind.Mobile);

        Assert.False(outcome.IsRejected, $"{outcome.Rejection} {outcome.Detail}");
        Assert.True(outcome.MeasuresOnly);
        Assert.Null(outcome.Detail);
        Assert.Equal((_t.LastEventId, 0, Date(0)), (outcome.Entry.EventId, outcome.Entry.Points, outcome.Entry.Day));
        Assert.DoesNotContain(outcome.Entry.Rule, RuleIds.All);
    }

    [Fact]
    public void ScoredKinds_AreNotMeasuresOnly()
    {
        var login = _t.Offer(Login.Instance, OnDay(0));
        var capped = _t.Offer(Login.Instance, OnDay(0, hour: 11));

        Assert.False(login.MeasuresOnly);
        Assert.False(capped.MeasuresOnly);
        Assert.Equal((RuleIds.Login, 0), (capped.Entry.Rule, capped.Entry.Points));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MeasuredKind_ChangesNoScoreOfAnyPeriod(string kind)
    {
        _t.Login(OnDay(0, hour: 8), ClientKind.Mobile);
        _t.Teach("s1", OnDay(0, hour: 9));
        var before = Figures(_t.Scores(Date(0)));
        var liveDays = _t.State.Days.Live.Count;

        _t.Offer(_measured[kind], OnDay(0, hour: 11), ClientKind.Mobile);
        _t.Offer(_measured[kind], OnDay(-1, hour: 11), ClientKind.Mobile); // a day with no score of its own

        Assert.Equal(before, Figures(_t.Scores(Date(0))));
        Assert.Equal(liveDays, _t.State.Days.Live.Count);
        Assert.Equal(6, _t.Scores(Date(0)).Lifetime.Points);
        Assert.Equal(0, _t.Scores(Date(-1)).Day.Points);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MeasuredKind_OnAFreshTeacher_LeavesEveryPeriodEmpty(string kind)
    {
        _t.Offer(_measured[kind], OnDay(0));

        Assert.Empty(_t.State.Days.Live);
        Assert.Empty(_t.State.Months.Live);
        Assert.Empty(_t.State.Years.Live);
        Assert.Equal(0, _t.State.Lifetime.Total);
        Assert.Equal(0, _t.Scores(Date(0)).LoginStreak);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MeasuredKind_LateInsideTheWindow_IsOnTheDayItOccurred(string kind)
    {
        var occurred = OnDay(0, hour: 10);
        _t.AcceptAt = occurred + Late;

        var outcome = _t.Offer(_measured[kind], occurred);

        Assert.Equal((RejectionReason.None, true, Date(0)), (outcome.Rejection, outcome.MeasuresOnly, outcome.Entry.Day));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MeasuredKind_MoreThanSeventyTwoHoursLate_IsRejectedOutOfWindow(string kind)
    {
        var occurred = OnDay(0, hour: 10);
        _t.AcceptAt = occurred + Late + Second;

        var outcome = _t.Offer(_measured[kind], occurred);

        Assert.Equal((RejectionReason.OutOfWindow, false), (outcome.Rejection, outcome.MeasuresOnly));
        Assert.Equal("OUT_OF_WINDOW", outcome.Rejection.ToCode());
        Assert.Contains("72 h", outcome.Detail);
        Assert.Empty(_t.Ledger);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MeasuredKind_MoreThanFiveMinutesEarly_IsRejectedOutOfWindow(string kind)
    {
        var occurred = OnDay(0, hour: 10);
        _t.AcceptAt = occurred - Early - Second;

        var outcome = _t.Offer(_measured[kind], occurred);

        Assert.Equal((RejectionReason.OutOfWindow, false), (outcome.Rejection, outcome.MeasuresOnly));
        Assert.Contains("5 min", outcome.Detail);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MeasuredKind_OnADayThatHasClosed_IsRejectedOutOfWindow(string kind)
    {
        _t.Teach("s1", OnDay(5));
        _t.Scorer.Compact(_t.State, OnDay(10));
        _t.AcceptAt = OnDay(7);

        var outcome = _t.Offer(_measured[kind], OnDay(5, hour: 12));

        Assert.Equal(RejectionReason.OutOfWindow, outcome.Rejection);
        Assert.Contains("closed", outcome.Detail);
    }

    private static object Figures(TeacherScores s) =>
        string.Join(" | ", new[] { s.Day, s.Month, s.Year, s.Lifetime }.Select(p =>
            $"{p.Points}/{p.MobilePoints}:{string.Join(",", p.ByRule.OrderBy(r => r.Key).Select(r => $"{r.Key}={r.Value}"))}"))
        + $" | streak {s.LoginStreak} | active {s.ActiveDay}{s.ActiveMonth}{s.ActiveYear}";
}
