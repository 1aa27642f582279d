using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.Rubrics.Measures;
using ZhijiangLive.Scoring.Rubrics.Sheets;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests.Rubrics;

/// <summary>featured-2018 (seed 001 附件2 特色空间评价标准): every item below, at and above its cap.</summary>
public sealed class FeaturedRubricTests
{
    private readonly CandidateHarness _c = new("featured-2018");

    private void MicroCourses(int count, int spreadEach = 0, int first = 0)
    {
        for (var i = first; i < first + count; i++)
        {
            _c.Offer(new ResourcePublished($"mc{i}", "micro_course", Original: true), OnDay(1));
            for (var u = 0; u < spreadEach; u++)
            {
                _c.Offer(new ResourceSpread($"mc{i}", $"u{u}", "view"), OnDay(2 + u % 3));
            }
        }
    }

    // 微课数量达到5个及以上，得5分。每个微课传播数达100及以上，每个再得1分。
    [Theory]
    [InlineData(4, 0, 0)]
    [InlineData(5, 0, 5)]
    [InlineData(6, 0, 5)]
    public void MicroCourses_FiveOrMoreEarnFive(int courses, int widelySpread, decimal points)
    {
        MicroCourses(courses);
        MicroCourses(widelySpread, spreadEach: 100, first: 100);
        Assert.Equal(points, _c.Points("micro_courses"));
    }

    // 每个微课传播数达100及以上，每个再得1分 (上限10分).
    [Fact]
    public void MicroCourses_EachSpreadToAHundredAddsOne_UpToTen()
    {
        MicroCourses(3);
        MicroCourses(2, spreadEach: 100, first: 10);
        Assert.Equal(7, _c.Points("micro_courses"));
        MicroCourses(1, spreadEach: 99, first: 20);
        Assert.Equal(7, _c.Points("micro_courses"));
        MicroCourses(4, spreadEach: 100, first: 30);
        Assert.Equal(10, _c.Points("micro_courses"));
        MicroCourses(1, spreadEach: 100, first: 40);
        Assert.Equal(10, _c.Points("micro_courses"));
    }

    // 再得: the +1s come on top of the 5, so four widely spread micro-courses earn nothing yet.
    [Fact]
    public void MicroCourses_SpreadBonusWaitsForTheFive()
    {
        MicroCourses(4, spreadEach: 100);
        var item = _c.Item("micro_courses");
        Assert.Equal(0, item.Points);
        Assert.Equal(new MissingToNext("micro_courses", 1), item.Next);
    }

    [Fact]
    public void MicroCourses_ADeletedOneNoLongerCounts_AndOtherKindsNever()
    {
        MicroCourses(5);
        _c.Offer(new ResourcePublished("cw", "courseware", Original: true), OnDay(1));
        _c.Offer(new ResourceDeleted("mc0"), OnDay(2));
        Assert.Equal(4, _c.Value(MeasureIds.MicroCourses));
        Assert.Equal(0, _c.Points("micro_courses"));
    }

    // 资源共享: 200条以下不给分；200条以上，由专家评分。
    [Theory]
    [InlineData(199, 8, 0)]
    [InlineData(200, 8, 8)]
    [InlineData(200, 10, 10)]
    [InlineData(200, 12, 10)]
    public void ResourceSystem_ExpertScoredOnceTwoHundredResources(int resources, int entered, decimal points)
    {
        _c.Repeat(resources, i => new ResourcePublished($"r{i}", "courseware", Original: false));
        _c.Expert["resource_system"] = entered;
        var item = _c.Item("resource_system");
        Assert.Equal(points, item.Points);
        Assert.True(item.Parts[0].Entered);
    }

    // 报送原创优秀资源经省级审核通过的数量。报名后统计。每个1分，上限10分。
    [Theory]
    [InlineData(9, 9)]
    [InlineData(10, 10)]
    [InlineData(11, 10)]
    public void ProvinceApproved_OneEach_UpToTen(int approved, decimal points)
    {
        _c.Repeat(approved, i => new ResourceReviewed($"r{i}", ReviewLevel.Province));
        _c.Offer(new ResourceReviewed("county-only", ReviewLevel.County), OnDay(1));
        Assert.Equal(points, _c.Points("province_approved"));
    }

    [Fact]
    public void ProvinceApproved_ADeletedResourceNoLongerCounts()
    {
        _c.Repeat(3, i => new ResourceReviewed($"r{i}", ReviewLevel.Province));
        _c.Offer(new ResourceDeleted("r1"), OnDay(2));
        _c.Offer(new ResourceReviewed("r1", ReviewLevel.Province), OnDay(3));
        Assert.Equal(2, _c.Points("province_approved"));
    }

    // 1天内登录移动端授课并使用10分钟以上为1个有效天数。报名后统计。每天0.5分，上限20分。
    [Theory]
    [InlineData(599, 0)]
    [InlineData(600, 0.5)]
    public void MobileTeachingDays_TenMinutesInADay(int seconds, decimal points)
    {
        _c.Offer(new TeachingSession("s1", seconds), OnDay(1), ClientKind.Mobile);
        Assert.Equal(points, _c.Points("mobile_teaching_days"));
    }

    [Fact]
    public void MobileTeachingDays_SessionsOfOneDayAddUp_PcSessionsAndRepeatsDoNot()
    {
        _c.Offer(new TeachingSession("a", 300), OnDay(1, hour: 8), ClientKind.Mobile);
        _c.Offer(new TeachingSession("a", 300), OnDay(1, hour: 9), ClientKind.Mobile);
        _c.Offer(new TeachingSession("pc", 3000), OnDay(1, hour: 10), ClientKind.Pc);
        Assert.Equal(0, _c.Points("mobile_teaching_days"));
        _c.Offer(new TeachingSession("b", 300), OnDay(1, hour: 11), ClientKind.Mobile);
        Assert.Equal(0.5m, _c.Points("mobile_teaching_days"));
    }

    [Theory]
    [InlineData(39, 19.5)]
    [InlineData(40, 20)]
    [InlineData(41, 20)]
    public void MobileTeachingDays_HalfAPointEach_UpToTwenty(int days, decimal points)
    {
        _c.Repeat(days, d => new TeachingSession($"s{d}", 900), d => OnDay(d), ClientKind.Mobile);
        Assert.Equal(points, _c.Points("mobile_teaching_days"));
    }

    // 教师布置、批改作业。报名后统计。每次0.5分，上限10分。
    [Theory]
    [InlineData(9, 10, 9.5)]
    [InlineData(10, 10, 10)]
    [InlineData(10, 11, 10)]
    public void Homework_SetOrMarked_HalfAPointEach_UpToTen(int set, int marked, decimal points)
    {
        _c.Repeat(set, i => new TaskPublished($"hw{i}", "homework"));
        _c.Repeat(marked, i => new HomeworkMarked("hw0", $"s{i}"));
        Assert.Equal(points, _c.Points("homework"));
    }

    // 在班级圈、消息收发中开展有效的师生互动或家校互动。报名后统计。每次0.5分（分值5）。
    [Theory]
    [InlineData(9, 4.5)]
    [InlineData(10, 5)]
    [InlineData(11, 5)]
    public void Interactions_HalfAPointEach_UpToFive(int interactions, decimal points)
    {
        _c.Repeat(interactions, i => new Interaction($"c{i % 3}", i % 2 == 0 ? "answer" : "home_school"));
        Assert.Equal(points, _c.Points("interactions"));
    }

    // 开展教学活动，每个活动学生参与人数至少达10人以上。报名后统计。每个1分，上限10分。
    [Theory]
    [InlineData(9, 0)]
    [InlineData(10, 1)]
    public void Activities_CountOnceTenStudentsTakePart(int students, decimal points)
    {
        _c.Offer(new TaskPublished("act", "community"), OnDay(1));
        _c.Repeat(students, s => new TaskEngagement("act", $"s{s}", Completed: false));
        _c.Repeat(students, s => new TaskEngagement("act", $"s{s}", Completed: true));
        Assert.Equal(points, _c.Points("activities"));
    }

    [Theory]
    [InlineData(9, 9)]
    [InlineData(10, 10)]
    [InlineData(11, 10)]
    public void Activities_OneEach_UpToTen(int activities, decimal points)
    {
        for (var a = 0; a < activities; a++)
        {
            _c.Offer(new TaskPublished($"act{a}", "class"), OnDay(1));
            _c.Repeat(10, s => new TaskEngagement($"act{a}", $"s{s}", Completed: true));
        }
        _c.Offer(new TaskPublished("hw", "homework"), OnDay(1));
        _c.Repeat(10, s => new TaskEngagement("hw", $"s{s}", Completed: true));
        Assert.Equal(points, _c.Points("activities"));
    }

    // 年度移动端使用经验值与年度经验值的比值。每增加10%得1分，上限5分。
    [Theory]
    [InlineData(1, 10, 0)]   // 5 of 55: 9 %
    [InlineData(1, 9, 1)]    // 5 of 50: exactly 10 %
    [InlineData(2, 9, 1)]    // 10 of 55: 18 %
    [InlineData(2, 8, 2)]    // 10 of 50: exactly 20 %
    [InlineData(5, 5, 5)]    // 50 %
    [InlineData(6, 4, 5)]    // 60 %: capped
    [InlineData(0, 0, 0)]    // no points at all
    public void MobileShare_OnePointPerTenPercent_UpToFive(int mobileSessions, int pcSessions, decimal points)
    {
        _c.Repeat(mobileSessions, i => new TeachingSession($"m{i}", 60), i => OnDay(i), ClientKind.Mobile);
        _c.Repeat(pcSessions, i => new TeachingSession($"p{i}", 60), i => OnDay(20 + i), ClientKind.Pc);
        Assert.Equal(points, _c.Points("mobile_share"));
    }

    // 浙江教育资源公共服务平台个人年度经验值。按排名给分。
    [Fact]
    public void YearPoints_ByRank_TenBandsOfCandidates()
    {
        _c.Repeat(11, i => new TeachingSession($"s{i}", 60), i => OnDay(i));   // 55 points
        var others = new[] { 100, 90, 80, 70, 60, 55, 40, 30, 20 }
            .Select((points, i) => Others($"t{i + 2}", points)).ToArray();
        var item = _c.Item("year_points", others);
        Assert.Equal(55, item.Measured);
        Assert.Equal(5, item.Points);                                   // rank 6 of 10 shares with t7: band 5
        Assert.Equal(new MissingToNext("year_points", 5), item.Next);   // 60 shares rank 5
        var sheets = SheetCalculator.Rank(_c.Rubric, [_c.Figures(), .. others]);
        Assert.Equal(10, sheets.Single(s => s.TeacherId == "t2").Items.Single(i => i.Id == "year_points").Points);
        Assert.Equal(1, sheets.Single(s => s.TeacherId == "t10").Items.Single(i => i.Id == "year_points").Points);
    }

    [Fact]
    public void YearPoints_NoPointsEarnNothing_EvenAlone()
    {
        Assert.Equal(0, _c.Points("year_points"));
        Assert.Equal(0, _c.Points("year_points", Others("t2", 0)));
    }

    // 提炼1个空间移动端的应用典型案例 / 应用数字故事: 专家评分，各5分。
    [Theory]
    [InlineData("typical_case", 4.5, 4.5)]
    [InlineData("typical_case", 5, 5)]
    [InlineData("typical_case", 6, 5)]
    [InlineData("digital_story", 3, 3)]
    [InlineData("digital_story", 7, 5)]
    public void ExpertItems_TakeTheEntry_WithinTheirCap(string item, decimal entered, decimal points)
    {
        Assert.Equal(0, _c.Points(item));
        _c.Expert[item] = entered;
        Assert.Equal(points, _c.Points(item));
    }

    // 报名后统计: from the registration's start, and only what is accepted after the registration.
    [Fact]
    public void Registration_CountsFromItsStart()
    {
        var c = new CandidateHarness("featured-2018", register: false);
        c.Offer(new Interaction("c0", "answer"), OnDay(1, hour: 9));
        c.Register(OnDay(1, hour: 12));
        c.Offer(new Interaction("c1", "answer"), OnDay(1, hour: 12).AddTicks(-1));
        c.Offer(new Interaction("c2", "answer"), OnDay(1, hour: 12));
        c.Offer(new Interaction("c3", "answer"), OnDay(2));
        Assert.Equal(2, c.Value(MeasureIds.Interactions));
    }

    [Fact]
    public void Registration_AFutureStartCountsNothingBefore_AndTheNextYearNothing()
    {
        var c = new CandidateHarness("featured-2018", registeredFrom: OnDay(5, hour: 0));
        c.Repeat(3, i => new TaskPublished($"hw{i}", "homework"), i => OnDay(4, hour: 23));
        c.Repeat(2, i => new TaskPublished($"later{i}", "homework"), i => OnDay(5, hour: 0));
        c.Offer(new TaskPublished("next-year", "homework"), At(new DateOnly(2027, 1, 1), hour: 0));
        Assert.Equal(2, c.Value(MeasureIds.Homework));
    }

    [Fact]
    public void Registration_WithoutOneTheAfterRegistrationItemsCountNothing()
    {
        var c = new CandidateHarness("featured-2018", register: false);
        c.Repeat(5, i => new TaskPublished($"hw{i}", "homework"));
        Assert.Equal(0, c.Points("homework"));
    }

    [Fact]
    public void Sheet_TotalsTheItems_AndSaysWhatIsMissing()
    {
        _c.Repeat(3, i => new TaskPublished($"hw{i}", "homework"));
        _c.Expert["typical_case"] = 4;
        var sheet = _c.Sheet();
        Assert.Equal(1.5m + 4, sheet.Total);
        Assert.Equal(1, sheet.Rank);
        Assert.Equal(new MissingToNext("homework", 1), sheet.Items.Single(i => i.Id == "homework").Next);
        Assert.Equal(new MissingToNext("micro_courses", 5), sheet.Items.Single(i => i.Id == "micro_courses").Next);
        Assert.Null(sheet.Items.Single(i => i.Id == "digital_story").Next);
        Assert.Equal(11, sheet.Items.Count);
    }

    internal static CandidateFigures Others(string id, long yearPoints) =>
        new(id, new Dictionary<MeasureRef, long> { [new MeasureRef(MeasureIds.YearPoints)] = yearPoints }, new Dictionary<string, decimal>());
}
