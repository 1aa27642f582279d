using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Scoring;
using static ZhijiangLive.Grains.Tests.Cluster.ClusterHarness;

namespace ZhijiangLive.Grains.Tests.Cluster;

public sealed class RosterTests : IAsyncLifetime
{
    private readonly ClusterHarness _h = new();

    public async Task InitializeAsync() => await _h.BuildTreeAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Publish_UnknownTeacher_IsRejectedWithReason()
    {
        var result = await _h.PublishAsync(_h.Teach("ghost"));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((0, "UNKNOWN_TEACHER"), (rejection.Index, rejection.Code));
        Assert.Equal(0, result.Accepted);
    }

    [Fact]
    public async Task Publish_LockedTeacher_IsRejectedAndEarnsNothing()
    {
        await _h.AddTeachersAsync(Teacher("T1", "S1", locked: true));
        var result = await _h.PublishAsync(_h.Teach("T1"), _h.Teach("T1"));
        Assert.All(result.Rejections, r => Assert.Equal(RejectionReason.TeacherLocked, r.Reason));
        Assert.Equal(0, (await _h.Cluster.GetTeacherAsync("T1"))!.Scores.Day.Points);
    }

    [Fact]
    public async Task Publish_BatchWithBadEvents_AcceptsTheRest()
    {
        await _h.AddTeachersAsync(Teacher("T1", "S1"));
        var late = _h.Event("T1", Scoring.Events.Login.Instance, _h.Clock.GetUtcNow().AddHours(-73));
        var result = await _h.PublishAsync(_h.Teach("T1"), late, _h.Teach("nobody"), _h.Teach("T1"));
        Assert.Equal(2, result.Accepted);
        Assert.Equal(["OUT_OF_WINDOW", "UNKNOWN_TEACHER"], result.Rejections.Select(r => r.Code));
        Assert.Equal([1, 2], result.Rejections.Select(r => r.Index));
        Assert.Equal(10, (await _h.Cluster.GetSchoolAsync("S1"))!.Day.Total);
    }

    [Fact]
    public async Task Move_TeacherTakesItsScoresToTheNewSchool_WithNoDoubleCounting()
    {
        await _h.AddTeachersAsync(Teacher("T1", "S1"), Teacher("T2", "S1"));
        await _h.PublishAsync(_h.Teach("T1"), _h.Teach("T1"), _h.Teach("T2"));

        await _h.AddTeachersAsync(Teacher("T1", "S5")); // S1 (K1, C1) → S5 (K3, C2)
        await _h.Cluster.FlushAsync();

        Assert.Equal((1, 5L), await TeachersAndDayTotal("S1"));
        Assert.Equal((1, 10L), await TeachersAndDayTotal("S5"));
        Assert.Equal((1, 5L), await TeachersAndDayTotal("C1"));
        Assert.Equal((1, 10L), await TeachersAndDayTotal("C2"));
        Assert.Equal((2, 15L), await TeachersAndDayTotal("P"));
        var ranking = await _h.Cluster.GetRankingAsync(new RankingRequest("C2", RankingKind.Teachers, Period.Day));
        Assert.Equal("T1", Assert.Single(ranking!.Entries).Id);
    }

    [Fact]
    public async Task Move_ThenEventsAtTheNewSchool_CountOnlyThere()
    {
        await _h.AddTeachersAsync(Teacher("T1", "S1"));
        await _h.PublishAsync(_h.Teach("T1"));
        await _h.AddTeachersAsync(Teacher("T1", "S2"));
        await _h.PublishAsync(_h.Teach("T1"));

        Assert.Equal((0, 0L), await TeachersAndDayTotal("S1"));
        Assert.Equal((1, 10L), await TeachersAndDayTotal("S2"));
        Assert.Equal((1, 10L), await TeachersAndDayTotal("K1"));
    }

    [Fact]
    public async Task Lock_TeacherLeavesDenominatorsAndRankings_UnlockBringsItBack()
    {
        await _h.AddTeachersAsync(Teacher("T1", "S1"), Teacher("T2", "S1"));
        await _h.PublishAsync(_h.Teach("T1"));

        await _h.AddTeachersAsync(Teacher("T1", "S1", locked: true));
        await _h.Cluster.FlushAsync();
        var school = (await _h.Cluster.GetSchoolAsync("S1"))!;
        Assert.Equal((1, 0L, 0.0), (school.Teachers, school.Day.Total, school.Day.ActiveRatio));
        var ranking = await _h.Cluster.GetRankingAsync(new RankingRequest("P", RankingKind.Teachers, Period.Day));
        Assert.Equal(["T2"], ranking!.Entries.Select(e => e.Id));

        await _h.AddTeachersAsync(Teacher("T1", "S1"));
        await _h.Cluster.FlushAsync();
        school = (await _h.Cluster.GetSchoolAsync("S1"))!;
        Assert.Equal((2, 5L, 0.5), (school.Teachers, school.Day.Total, school.Day.ActiveRatio));
    }

    [Fact]
    public async Task Rename_ChangesTheNameOnly()
    {
        await _h.AddTeachersAsync(Teacher("T1", "S1"));
        await _h.PublishAsync(_h.Teach("T1"));
        await _h.AddTeachersAsync(Teacher("T1", "S1") with { Name = "新名字" });
        await _h.Cluster.FlushAsync();
        var teacher = (await _h.Cluster.GetTeacherAsync("T1"))!;
        Assert.Equal(("新名字", 5), (teacher.Entry.Name, teacher.Scores.Day.Points));
        Assert.Equal((1, 5L), await TeachersAndDayTotal("P"));
    }

    [Theory]
    [InlineData("X", "无", RegionLevel.County, "P", "the parent of a county must be a city")]
    [InlineData("X", "无", RegionLevel.City, "nowhere", "parent region 'nowhere' is unknown")]
    [InlineData("X", "无", RegionLevel.Unspecified, "P", "region 'X' has no level")]
    [InlineData("K1", "上城区", RegionLevel.County, "C2", "region 'K1' cannot move to another parent")]
    public async Task Upsert_InvalidRegion_IsRejectedWithReason(string id, string name, RegionLevel level, string parent, string reason)
    {
        var result = await _h.Cluster.UpsertRosterAsync(new RosterBatch([new RegionEntry(id, name, level, parent)], [], []));
        Assert.Equal(0, result.Regions);
        Assert.Equal(new RosterRejection("region", 0, id, reason), Assert.Single(result.Rejections));
    }

    [Fact]
    public async Task Upsert_SchoolOrTeacherWithUnknownParent_IsRejected()
    {
        var result = await _h.Cluster.UpsertRosterAsync(new RosterBatch([], [new SchoolEntry("S9", "九中", "C1")], [Teacher("T9", "S404")]));
        Assert.Equal((0, 0), (result.Schools, result.Teachers));
        Assert.Equal(["county 'C1' is unknown", "school 'S404' is unknown"], result.Rejections.Select(r => r.Detail));
    }

    [Fact]
    public async Task Upsert_ChildrenBeforeParentsInOneBatch_IsAccepted()
    {
        await using var h = new ClusterHarness();
        var result = await h.Cluster.UpsertRosterAsync(new RosterBatch(
            [new RegionEntry("K", "县", RegionLevel.County, "C"), new RegionEntry("C", "市", RegionLevel.City, "P"), new RegionEntry("P", "省", RegionLevel.Province, null)],
            [new SchoolEntry("S", "校", "K")],
            [Teacher("T", "S")]));
        Assert.Equal((3, 1, 1), (result.Regions, result.Schools, result.Teachers));
        await h.PublishAsync(h.Teach("T"));
        Assert.Equal((1, 5L), ((await h.Cluster.GetRegionAsync("P"))!.Teachers, (await h.Cluster.GetRegionAsync("P"))!.Day.Total));
    }

    private async Task<(int Teachers, long DayTotal)> TeachersAndDayTotal(string scope)
    {
        var view = scope.StartsWith('S') ? await _h.Cluster.GetSchoolAsync(scope) : await _h.Cluster.GetRegionAsync(scope);
        return (view!.Teachers, view.Day.Total);
    }
}
