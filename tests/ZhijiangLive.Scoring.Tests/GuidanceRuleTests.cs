using static ZhijiangLive.Scoring.Tests.LedgerAssert;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>
/// guidance: 5 on the event at which a task is both published and reached by its 10th distinct student,
/// once per task, 5 a day; a task qualifying on a day whose cap is used up earns nothing, then or later.
/// </summary>
public sealed class GuidanceRuleTests
{
    private readonly TeacherHarness _t = new();

    [Fact]
    public void Guidance_TenthDistinctStudentOfAPublishedTask_EarnsFive()
    {
        Refused(_t.Publish("k1", OnDay(0, hour: 8)), "guidance", Date(0), "0 of 10 students");
        for (var s = 1; s <= 9; s++)
        {
            Refused(_t.Engage("k1", $"s{s}", OnDay(0, hour: 9)), "guidance", Date(0), $"{s} of 10 students");
        }
        Paid(_t.Engage("k1", "s10", OnDay(0, hour: 10)), "guidance", 5, Date(0));
        Assert.Equal(5, _t.DayPoints(Date(0), "guidance"));
    }

    [Fact]
    public void Guidance_RepeatedStudent_CountsOnce()
    {
        _t.Publish("k1", OnDay(0, hour: 8));
        _t.EngageStudents("k1", 9, OnDay(0, hour: 9));
        Refused(_t.Engage("k1", "s9", OnDay(0, hour: 10)), "guidance", Date(0), "already counted");
        Assert.Equal(0, _t.DayPoints(Date(0), "guidance"));
        Paid(_t.Engage("k1", "s10", OnDay(0, hour: 11)), "guidance", 5, Date(0));
    }

    [Fact]
    public void Guidance_StudentsAcrossDays_PayOnTheTenthStudentsDay()
    {
        _t.Publish("k1", OnDay(0, hour: 8));
        _t.EngageStudents("k1", 5, OnDay(0, hour: 9));
        Paid(_t.EngageStudents("k1", 5, OnDay(1, hour: 9), firstStudent: 6), "guidance", 5, Date(1));
        Assert.Equal(0, _t.DayPoints(Date(0), "guidance"));
    }

    [Fact]
    public void Guidance_PublishedAfterTheTenthStudent_PaysOnPublication()
    {
        for (var s = 1; s <= 12; s++)
        {
            Refused(_t.Engage("k1", $"s{s}", OnDay(0, hour: 9)), "guidance", Date(0), "task not published yet");
        }
        Paid(_t.Publish("k1", OnDay(1, hour: 8)), "guidance", 5, Date(1));
        Assert.Equal(0, _t.DayPoints(Date(0), "guidance"));
        Assert.Equal(5, _t.DayPoints(Date(1), "guidance"));
    }

    [Fact]
    public void Guidance_AfterPaying_TaskNeverPaysAgain()
    {
        _t.Publish("k1", OnDay(0, hour: 8));
        _t.EngageStudents("k1", 10, OnDay(0, hour: 9));
        Refused(_t.Engage("k1", "s11", OnDay(0, hour: 10)), "guidance", Date(0), "already counted");
        Refused(_t.Publish("k1", OnDay(1)), "guidance", Date(1), "already counted");
        Refused(_t.EngageStudents("k1", 10, OnDay(1), firstStudent: 20), "guidance", Date(1), "already counted");
        Assert.Equal(5, _t.Scores(Date(1)).Month.ByRule["guidance"]);
    }

    [Fact]
    public void Guidance_SecondTaskQualifyingSameDay_RefusedByDailyCap_ThenAndLater()
    {
        _t.Publish("k1", OnDay(0, hour: 8));
        _t.Publish("k2", OnDay(0, hour: 8));
        Paid(_t.EngageStudents("k1", 10, OnDay(0, hour: 9)), "guidance", 5, Date(0));
        Refused(_t.EngageStudents("k2", 10, OnDay(0, hour: 10)), "guidance", Date(0), "daily cap 5 reached");

        // Later students or a repeated publication on a fresh day do not revive it.
        Refused(_t.Engage("k2", "s11", OnDay(1)), "guidance", Date(1), "already counted");
        Refused(_t.Publish("k2", OnDay(1)), "guidance", Date(1), "already counted");
        Assert.Equal(0, _t.DayPoints(Date(1), "guidance"));
        Assert.Equal(5, _t.Scores(Date(1)).Month.ByRule["guidance"]);
    }

    [Fact]
    public void Guidance_PublicationQualifyingOnACappedDay_EarnsNothing()
    {
        _t.EngageStudents("k2", 10, OnDay(0, hour: 7));          // waiting for publication
        _t.Publish("k1", OnDay(0, hour: 8));
        _t.EngageStudents("k1", 10, OnDay(0, hour: 9));          // pays 5
        Refused(_t.Publish("k2", OnDay(0, hour: 10)), "guidance", Date(0), "daily cap 5 reached");
        Refused(_t.Engage("k2", "s11", OnDay(1)), "guidance", Date(1), "already counted");
    }

    [Fact]
    public void Guidance_NextDay_AnotherTaskPays()
    {
        _t.Publish("k1", OnDay(0, hour: 8));
        _t.Publish("k2", OnDay(0, hour: 8));
        _t.EngageStudents("k1", 10, OnDay(0, hour: 9));
        _t.EngageStudents("k2", 9, OnDay(0, hour: 10));          // not yet qualified: still open
        Paid(_t.Engage("k2", "s10", OnDay(1, hour: 9)), "guidance", 5, Date(1));
        Assert.Equal(10, _t.Scores(Date(1)).Month.ByRule["guidance"]);
    }

    [Fact]
    public void Guidance_PaidTask_NeverPaysAgain_EvenAfterMonthsQuiet()
    {
        _t.Publish("k1", OnDay(0, hour: 8));
        _t.EngageStudents("k1", 10, OnDay(0, hour: 9));
        // Students keep opening an old task after a long summer; the platform re-announces it.
        Refused(_t.Publish("k1", OnDay(60, hour: 8)), "guidance", Date(60), "already counted");
        Refused(_t.EngageStudents("k1", 10, OnDay(60, hour: 9), firstStudent: 11), "guidance", Date(60), "already counted");
        Assert.Equal(5, _t.Scores(Date(60)).Lifetime.ByRule["guidance"]);
    }

    [Fact]
    public void Guidance_TaskRefusedByTheCap_NeverPays_EvenAfterMonthsQuiet()
    {
        _t.Publish("k1", OnDay(0, hour: 8));
        _t.Publish("k2", OnDay(0, hour: 8));
        _t.EngageStudents("k1", 10, OnDay(0, hour: 9));
        Refused(_t.EngageStudents("k2", 10, OnDay(0, hour: 10)), "guidance", Date(0), "daily cap 5 reached");
        Refused(_t.Publish("k2", OnDay(45, hour: 8)), "guidance", Date(45), "already counted");
        Refused(_t.EngageStudents("k2", 10, OnDay(45, hour: 9), firstStudent: 11), "guidance", Date(45), "already counted");
        Assert.Equal(5, _t.Scores(Date(45)).Lifetime.ByRule["guidance"]);
    }
}
