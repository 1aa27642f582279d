using ZhijiangLive.Scoring.Events;
using static ZhijiangLive.Scoring.Tests.LedgerAssert;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>
/// resource_review: county +3, city +7, province +10, each level once per resource in any order (max 20);
/// deletion takes back the review points as a negative entry on the deletion's day; spread points stay.
/// </summary>
public sealed class ResourceReviewRuleTests
{
    private readonly TeacherHarness _t = new();

    [Theory]
    [InlineData(ReviewLevel.County, 3)]
    [InlineData(ReviewLevel.City, 7)]
    [InlineData(ReviewLevel.Province, 10)]
    public void Review_EachLevel_EarnsItsPoints(ReviewLevel level, int points)
    {
        Paid(_t.Review("r1", level, OnDay(0)), "resource_review", points, Date(0));
        Assert.Equal(points, _t.DayPoints(Date(0), "resource_review"));
    }

    [Fact]
    public void Review_SameLevelTwice_PaysOnce()
    {
        _t.Review("r1", ReviewLevel.City, OnDay(0));
        Refused(_t.Review("r1", ReviewLevel.City, OnDay(1)), "resource_review", Date(1), "already counted");
        Assert.Equal(7, _t.Scores(Date(1)).Month.ByRule["resource_review"]);
    }

    [Fact]
    public void Review_LevelsInAnyOrder_EachPayOnce_UpToTwenty()
    {
        Paid(_t.Review("r1", ReviewLevel.Province, OnDay(0)), "resource_review", 10, Date(0));
        Paid(_t.Review("r1", ReviewLevel.County, OnDay(1)), "resource_review", 3, Date(1));
        Paid(_t.Review("r1", ReviewLevel.City, OnDay(2)), "resource_review", 7, Date(2));
        Refused(_t.Review("r1", ReviewLevel.County, OnDay(3)), "resource_review", Date(3), "already counted");
        Refused(_t.Review("r1", ReviewLevel.Province, OnDay(3)), "resource_review", Date(3), "already counted");
        Assert.Equal(20, _t.Scores(Date(3)).Month.ByRule["resource_review"]);
    }

    [Fact]
    public void Review_LevelsOfDifferentResources_PaySeparately()
    {
        _t.Review("r1", ReviewLevel.County, OnDay(0));
        Paid(_t.Review("r2", ReviewLevel.County, OnDay(0)), "resource_review", 3, Date(0));
        Assert.Equal(6, _t.DayPoints(Date(0), "resource_review"));
    }

    [Theory]
    [InlineData(new[] { ReviewLevel.County }, 3)]
    [InlineData(new[] { ReviewLevel.County, ReviewLevel.City }, 10)]
    [InlineData(new[] { ReviewLevel.County, ReviewLevel.City, ReviewLevel.Province }, 20)]
    [InlineData(new[] { ReviewLevel.Province }, 10)]
    public void Delete_AfterApprovals_TakesBackExactlyWhatWasEarned(ReviewLevel[] levels, int earned)
    {
        foreach (var level in levels)
        {
            _t.Review("r1", level, OnDay(0));
        }
        Entry(_t.Delete("r1", OnDay(0, hour: 15)), "resource_review", -earned, Date(0), "review points taken back");
        Assert.Equal(0, _t.DayPoints(Date(0), "resource_review"));
        Assert.Equal(0, _t.Scores(Date(0)).Lifetime.Points);
    }

    [Fact]
    public void Delete_OnALaterDay_IsANegativeEntryOnTheDeletionsDay()
    {
        _t.Review("r1", ReviewLevel.County, OnDay(0));
        _t.Review("r1", ReviewLevel.City, OnDay(1));
        Entry(_t.Delete("r1", OnDay(5)), "resource_review", -10, Date(5), "review points taken back");
        Assert.Equal(3, _t.Scores(Date(0)).Day.Points);
        Assert.Equal(7, _t.Scores(Date(1)).Day.Points);
        Assert.Equal(-10, _t.Scores(Date(5)).Day.Points);
        Assert.Equal(-10, _t.Scores(Date(5)).Day.ByRule["resource_review"]);
        Assert.Equal(0, _t.Scores(Date(5)).Month.Points);
    }

    [Fact]
    public void Delete_KeepsSpreadPoints()
    {
        _t.Spread("r1", "u1", OnDay(0));
        _t.Spread("r1", "u2", OnDay(0));
        _t.Review("r1", ReviewLevel.Province, OnDay(0));
        Entry(_t.Delete("r1", OnDay(1)), "resource_review", -10, Date(1), "review points taken back");
        var month = _t.Scores(Date(1)).Month;
        Assert.Equal(2, month.ByRule["resource_spread"]);
        Assert.Equal(0, month.ByRule["resource_review"]);
        Assert.Equal(2, month.Points);
        Assert.Equal(2, _t.State.Resources!["r1"].SpreadCount);
    }

    [Fact]
    public void Delete_OnlyTakesBackTheDeletedResourcesPoints()
    {
        _t.Review("r1", ReviewLevel.City, OnDay(0));
        _t.Review("r2", ReviewLevel.Province, OnDay(0));
        Entry(_t.Delete("r1", OnDay(1)), "resource_review", -7, Date(1), "review points taken back");
        Assert.Equal(10, _t.Scores(Date(1)).Month.ByRule["resource_review"]);
    }

    [Fact]
    public void Approval_AfterDeletion_EarnsNothing()
    {
        _t.Review("r1", ReviewLevel.County, OnDay(0));
        _t.Delete("r1", OnDay(1));
        Refused(_t.Review("r1", ReviewLevel.City, OnDay(2)), "resource_review", Date(2), "resource deleted");
        Refused(_t.Review("r1", ReviewLevel.County, OnDay(2)), "resource_review", Date(2), "resource deleted");
        Assert.Equal(0, _t.Scores(Date(2)).Month.Points);
    }

    [Fact]
    public void Approval_OfAResourceDeletedBeforeAnyReview_EarnsNothing()
    {
        Assert.Equal(0, _t.Delete("r1", OnDay(0)).Points);
        Refused(_t.Review("r1", ReviewLevel.Province, OnDay(0)), "resource_review", Date(0), "resource deleted");
    }

    [Fact]
    public void Delete_Twice_TakesBackOnce()
    {
        _t.Review("r1", ReviewLevel.Province, OnDay(0));
        _t.Delete("r1", OnDay(1));
        Refused(_t.Delete("r1", OnDay(2)), "resource_review", Date(2), "already counted");
        Assert.Equal(0, _t.Scores(Date(2)).Month.Points);
    }
}
