using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.Rubrics.Measures;
using ZhijiangLive.Scoring.Rubrics.Sheets;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests.Rubrics;

/// <summary>guizhou-2021 (seed 004 网络学习空间普及应用教师空间评价指标): every measured item below, at and above its cap.</summary>
public sealed class GuizhouRubricTests
{
    private readonly CandidateHarness _c = new("guizhou-2021");

    // 空间每被10人加为好友加1分，最高3分，关注其他空间数10人以上的2分。
    [Theory]
    [InlineData(9, 0, 0)]
    [InlineData(10, 0, 1)]
    [InlineData(29, 0, 2)]
    [InlineData(30, 0, 3)]
    [InlineData(45, 0, 3)]
    [InlineData(0, 9, 0)]
    [InlineData(0, 10, 2)]
    [InlineData(30, 10, 5)]
    public void Attention_FollowersByTens_AndFollowingTen(int followers, int following, decimal points)
    {
        _c.Repeat(followers, i => new SpaceFollowed($"u{i}", Unfollowed: false));
        _c.Repeat(following, i => new SpaceFollowing($"space{i}", Unfollowed: false));
        Assert.Equal(points, _c.Points("attention"));
    }

    [Fact]
    public void Attention_FollowersAreDistinctAndCurrent()
    {
        _c.Repeat(10, i => new SpaceFollowed($"u{i}", Unfollowed: false));
        _c.Offer(new SpaceFollowed("u0", Unfollowed: false), OnDay(2));
        _c.Offer(new SpaceFollowed(TeacherHarness.TeacherId, Unfollowed: false), OnDay(2));
        Assert.Equal(1, _c.Points("attention"));
        _c.Offer(new SpaceFollowed("u3", Unfollowed: true), OnDay(3));
        Assert.Equal(9, _c.Value(MeasureIds.Followers));
        Assert.Equal(0, _c.Points("attention"));
    }

    // 以实名登录用户来访人数，1名用户1日来访只计1次。每1000次给1分，5000次及以上的5分。
    [Theory]
    [InlineData(999, 0)]
    [InlineData(1000, 1)]
    [InlineData(4999, 4)]
    [InlineData(5000, 5)]
    [InlineData(6000, 5)]
    public void Visits_OnePointPerThousand_FiveAtFiveThousand(int visits, decimal points)
    {
        _c.Repeat(visits, i => new SpaceVisited($"u{i % 500}"), i => OnDay(i / 500, hour: 8 + i % 12));
        Assert.Equal(points, _c.Points("visits"));
    }

    [Fact]
    public void Visits_OneUserOnceADay_LateVisitsToo_NotTheOwner()
    {
        _c.Offer(new SpaceVisited("u1"), OnDay(1, hour: 8));
        _c.Offer(new SpaceVisited("u1"), OnDay(1, hour: 20));
        _c.Offer(new SpaceVisited("u1"), OnDay(2));
        _c.Offer(new SpaceVisited(TeacherHarness.TeacherId), OnDay(2));
        _c.Teacher.AcceptAt = OnDay(3);
        _c.Offer(new SpaceVisited("u1"), OnDay(1, hour: 22));
        _c.Offer(new SpaceVisited("u2"), OnDay(1, hour: 22));
        Assert.Equal(3, _c.Value(MeasureIds.Visits));
    }

    // 肯定性评价300条以上3分，超过500条5分。
    [Theory]
    [InlineData(299, 0)]
    [InlineData(300, 3)]
    [InlineData(500, 3)]
    [InlineData(501, 5)]
    [InlineData(800, 5)]
    public void Reviews_ThreeAtThreeHundred_FiveAboveFiveHundred(int positive, decimal points)
    {
        _c.Repeat(positive, i => new ReviewReceived($"u{i}", i % 2 == 0 ? "space" : "like", Positive: true));
        _c.Repeat(50, i => new ReviewReceived($"n{i}", "resource", Positive: false));
        Assert.Equal(points, _c.Points("reviews"));
    }

    // 资源下载次数、转载次数的总和。每200次加1分，满分3分，200次以下的1分。
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(199, 1)]
    [InlineData(200, 1)]
    [InlineData(399, 1)]
    [InlineData(400, 2)]
    [InlineData(600, 3)]
    [InlineData(800, 3)]
    public void Sharing_OnePerTwoHundred_OneBelow_UpToThree(int actions, decimal points)
    {
        _c.Repeat(actions, i => new ResourceSpread($"r{i % 7}", $"u{i}", i % 2 == 0 ? "download" : "repost"));
        _c.Repeat(30, i => new ResourceSpread("r0", $"v{i}", "view"));
        _c.Repeat(30, i => new ResourceSpread("r0", TeacherHarness.TeacherId, "download"));
        Assert.Equal(points, _c.Points("sharing"));
    }

    // 每一条原创性资源得0.5分，满分5分。
    [Theory]
    [InlineData(9, 4.5)]
    [InlineData(10, 5)]
    [InlineData(11, 5)]
    public void Originality_HalfAPointEach_UpToFive(int original, decimal points)
    {
        _c.Repeat(original, i => new ResourcePublished($"o{i}", "courseware", Original: true));
        _c.Repeat(4, i => new ResourcePublished($"n{i}", "courseware", Original: false));
        Assert.Equal(points, _c.Points("originality"));
    }

    // 师本资源数量应达到三种类型100条以上的（3分）；满足100条三种类型以下的（1分）。
    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(99, 3, 1)]
    [InlineData(100, 2, 1)]
    [InlineData(100, 3, 3)]
    public void Richness_AHundredOfThreeKinds(int resources, int kinds, decimal points)
    {
        string[] kindNames = ["courseware", "lesson_plan", "exercise"];
        _c.Repeat(resources, i => new ResourcePublished($"r{i}", kindNames[i % kinds], Original: false));
        Assert.Equal(points, _c.Points("richness"));
    }

    [Fact]
    public void Richness_TheExpertsAddTheFourthPoint()
    {
        _c.Repeat(100, i => new ResourcePublished($"r{i}", $"k{i % 3}", Original: false));
        _c.Expert["richness"] = 2;
        Assert.Equal(4, _c.Points("richness"));
    }

    // 自主开发系列微课。每个微课给1分，最高分3分。
    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 3)]
    public void MicroCourseSeries_OneEach_UpToThree(int courses, decimal points)
    {
        _c.Repeat(courses, i => new ResourcePublished($"mc{i}", "micro_course", Original: true));
        Assert.Equal(points, _c.Points("micro_course_series"));
    }

    // 利用空间布置学习任务、在线测试、评价等（5次以上）。每次加1分，满分5分。
    [Theory]
    [InlineData(4, 4)]
    [InlineData(5, 5)]
    [InlineData(6, 5)]
    public void Homework_OneEach_UpToFive(int tasks, decimal points)
    {
        _c.Repeat(tasks, i => new TaskPublished($"hw{i}", "homework"));
        Assert.Equal(points, _c.Points("homework"));
    }

    // 利用空间开展家校互动（5次以上）。每次得1分，满分5分。
    [Theory]
    [InlineData(4, 4)]
    [InlineData(5, 5)]
    [InlineData(6, 5)]
    public void HomeSchool_OneEach_UpToFive_OnlyHomeSchoolInteractions(int interactions, decimal points)
    {
        _c.Repeat(interactions, i => new Interaction($"parent{i}", "home_school"));
        _c.Repeat(3, i => new Interaction($"student{i}", "answer"));
        Assert.Equal(points, _c.Points("home_school"));
    }

    // 组织班级活动，兴趣小组；2次以上，每次2.5分，满分5分。
    [Theory]
    [InlineData(1, 2.5)]
    [InlineData(2, 5)]
    [InlineData(3, 5)]
    public void OtherActivities_TwoAndAHalfEach_UpToFive(int activities, decimal points)
    {
        for (var a = 0; a < activities; a++)
        {
            _c.Offer(new TaskPublished($"act{a}", "interest_group"), OnDay(1));
            _c.Offer(new TaskEngagement($"act{a}", "s1", Completed: true), OnDay(1));
        }
        Assert.Equal(points, _c.Points("other_activities"));
    }

    // 教师空间获奖等次按一等奖5%、二等奖10%、三等奖20%比例进行划分。
    [Theory]
    [InlineData(20, 1, 2, 4)]
    [InlineData(100, 5, 10, 20)]
    [InlineData(10, 0, 1, 2)]
    public void Tiers_ByShareOfCandidates(int candidates, int first, int second, int third)
    {
        var figures = Enumerable.Range(0, candidates).Select(i => new CandidateFigures($"t{i:D3}",
            new Dictionary<MeasureRef, long>(), new Dictionary<string, decimal> { ["typical_case"] = i * 0.05m })).ToList();
        var sheets = SheetCalculator.Rank(_c.Rubric, figures);
        Assert.Equal(first, sheets.Count(s => s.Tier == "一等奖"));
        Assert.Equal(second, sheets.Count(s => s.Tier == "二等奖"));
        Assert.Equal(third, sheets.Count(s => s.Tier == "三等奖"));
        Assert.Equal(sheets.OrderByDescending(s => s.Total).Select(s => s.TeacherId), sheets.Select(s => s.TeacherId));
    }

    [Fact]
    public void Tiers_TiedCandidatesShareARankAndATier()
    {
        var figures = Enumerable.Range(0, 20).Select(i => new CandidateFigures($"t{i:D2}",
            new Dictionary<MeasureRef, long>(), new Dictionary<string, decimal> { ["typical_case"] = i < 2 ? 10 : 1 })).ToList();
        var sheets = SheetCalculator.Rank(_c.Rubric, figures);
        Assert.Equal(new[] { 1, 1, 3 }, sheets.Take(3).Select(s => s.Rank));
        Assert.Equal(new[] { "一等奖", "一等奖" }, sheets.Take(2).Select(s => s.Tier));
        Assert.Equal(new[] { "t00", "t01" }, sheets.Take(2).Select(s => s.TeacherId));
    }

    /// <summary>Twenty candidates, one with points: the nineteen at nothing share rank 2, inside 二等奖's ranks, yet win nothing.</summary>
    [Fact]
    public void Tiers_CandidatesWithoutPoints_WinNoTier()
    {
        var figures = Enumerable.Range(0, 20).Select(i => new CandidateFigures($"t{i:D2}",
            new Dictionary<MeasureRef, long>(), new Dictionary<string, decimal> { ["typical_case"] = i == 0 ? 10 : 0 })).ToList();
        var sheets = SheetCalculator.Rank(_c.Rubric, figures);
        Assert.Equal(("t00", 1, "一等奖"), (sheets[0].TeacherId, sheets[0].Rank, sheets[0].Tier));
        Assert.All(sheets.Skip(1), s => Assert.Equal((2, (string?)null), (s.Rank, s.Tier)));
    }

    [Fact]
    public void Sheet_HasEveryItemOfTheSeed_AndExpertItemsWaitForEntries()
    {
        var sheet = _c.Sheet();
        Assert.Equal(22, sheet.Items.Count);
        Assert.Equal(105, _c.Rubric.Total);
        Assert.All(sheet.Items.Where(i => _c.Rubric.Item(i.Id)!.IsExpertOnly), i => Assert.Equal((0m, (long?)null), (i.Points, i.Measured)));
    }
}
