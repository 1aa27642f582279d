using ZhijiangLive.Scoring.Events;
using static ZhijiangLive.Scoring.Tests.LedgerAssert;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>
/// Events are accepted from 72 h late to 5 min early; a late event counts in the day it occurred,
/// against that day's caps. Outside the window it is rejected with OUT_OF_WINDOW.
/// </summary>
public sealed class GraceWindowTests
{
    private readonly TeacherHarness _t = new();

    private static readonly TimeSpan Late = TimeSpan.FromHours(72);
    private static readonly TimeSpan Early = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void LateEventInsideTheWindow_CountsInItsOwnDay()
    {
        _t.AcceptAt = OnDay(2, hour: 9);
        Paid(_t.Teach("s1", OnDay(0, hour: 15)), "teaching", 5, Date(0));
        Assert.Equal(5, _t.Scores(Date(0)).Day.Points);
        Assert.Equal(0, _t.Scores(Date(2)).Day.Points);
    }

    [Fact]
    public void LateEvent_OnADayAlreadyAtItsCap_IsRefused()
    {
        _t.MobileOp(OnDay(0, hour: 8));
        _t.MobileOp(OnDay(0, hour: 9));
        _t.MobileOp(OnDay(1, hour: 8));
        _t.AcceptAt = OnDay(1, hour: 20);
        Refused(_t.MobileOp(OnDay(0, hour: 22)), "mobile_op", Date(0), "daily cap 2 reached");
        Paid(_t.MobileOp(OnDay(1, hour: 19)), "mobile_op", 1, Date(1));          // today still has room
        Assert.Equal((2, 2), (_t.DayPoints(Date(0), "mobile_op"), _t.DayPoints(Date(1), "mobile_op")));
    }

    [Fact]
    public void LateEvent_OnADayWithRoom_PaysEvenWhenTodayIsCapped()
    {
        _t.Teach("s1", OnDay(2, hour: 8));
        _t.Teach("s2", OnDay(2, hour: 9));
        _t.AcceptAt = OnDay(2, hour: 10);
        Refused(_t.Teach("s3", OnDay(2, hour: 10)), "teaching", Date(2), "daily cap 10 reached");
        Paid(_t.Teach("s4", OnDay(0, hour: 16)), "teaching", 5, Date(0));
        Assert.Equal(15, _t.Scores(Date(2)).Month.Points);
    }

    [Fact]
    public void LateEvent_FromLastMonth_CountsInLastMonth()
    {
        var mar31 = new DateOnly(2026, 3, 31);
        _t.AcceptAt = At(new DateOnly(2026, 4, 2), 20);
        Paid(_t.Teach("s1", At(mar31, 23)), "teaching", 5, mar31);
        Assert.Equal(5, _t.Scores(mar31).Month.Points);
        Assert.Equal(0, _t.Scores(new DateOnly(2026, 4, 2)).Month.Points);
    }

    [Fact]
    public void ExactlySeventyTwoHoursLate_IsAccepted()
    {
        var occurred = OnDay(0, hour: 10);
        _t.AcceptAt = occurred + Late;
        Paid(_t.Login(occurred), "login", 1, Date(0));
    }

    [Fact]
    public void SeventyTwoHoursAndOneSecondLate_IsRejectedOutOfWindow()
    {
        var occurred = OnDay(0, hour: 10);
        _t.AcceptAt = occurred + Late + Second;
        var outcome = _t.Offer(Login.Instance, occurred);
        Assert.Equal(RejectionReason.OutOfWindow, outcome.Rejection);
        Assert.Equal("OUT_OF_WINDOW", outcome.Rejection.ToCode());
        Assert.Contains("72 h", outcome.Detail);
        Assert.Empty(_t.Ledger);
        Assert.Equal(0, _t.Scores(Date(0)).Lifetime.Points);
        Assert.Equal(0, _t.Scores(Date(0)).LoginStreak);
    }

    [Fact]
    public void ExactlyFiveMinutesEarly_IsAccepted()
    {
        var occurred = OnDay(0, hour: 10);
        _t.AcceptAt = occurred - Early;
        Paid(_t.Login(occurred), "login", 1, Date(0));
    }

    [Fact]
    public void FiveMinutesAndOneSecondEarly_IsRejectedOutOfWindow()
    {
        var occurred = OnDay(0, hour: 10);
        _t.AcceptAt = occurred - Early - Second;
        var outcome = _t.Offer(Login.Instance, occurred);
        Assert.Equal(RejectionReason.OutOfWindow, outcome.Rejection);
        Assert.Contains("5 min", outcome.Detail);
        Assert.Equal(0, _t.Scores(Date(0)).Lifetime.Points);
    }

    [Fact]
    public void EarlyEventJustAfterMidnight_CountsInTheNextDay()
    {
        _t.AcceptAt = At(Date(0), 23, 57);
        Paid(_t.Login(At(Date(1), 0, 1)), "login", 1, Date(1));
    }

    [Fact]
    public void LateEventAfterTheHorizonMovedPast_ItsDay_IsRejectedOutOfWindow()
    {
        // The host compacted at day 10; an event accepted "earlier" cannot reopen day 5.
        _t.Teach("s1", OnDay(5));
        _t.Scorer.Compact(_t.State, OnDay(10));
        _t.AcceptAt = OnDay(7);
        var outcome = _t.Offer(new TeachingSession("s2", 2700), OnDay(5, hour: 12));
        Assert.Equal(RejectionReason.OutOfWindow, outcome.Rejection);
        Assert.Equal(5, _t.Scores(Date(5)).Day.Points);
    }

    [Fact]
    public void RejectedLateEvent_LeavesNoTrace()
    {
        _t.AcceptAt = OnDay(3, hour: 10, minute: 1);
        Assert.True(_t.Offer(new MobileOperation("message"), OnDay(0, hour: 10), ClientKind.Mobile).IsRejected);
        Assert.Empty(_t.State.Days.Live);
        Assert.Equal(0, _t.State.HorizonDay);
        Assert.Empty(_t.Ledger);
    }
}
