using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;
using static ZhijiangLive.Grains.Tests.Cluster.ClusterHarness;

namespace ZhijiangLive.Grains.Tests.Cluster;

/// <summary>
/// SPEC §6, monthly publication: a month's school ranking is live and provisional until its last day leaves
/// the grace window (72 h: 00:00 on the 4th of the next month in Shanghai), then published and frozen.
/// </summary>
public sealed class PublicationTests : IAsyncLifetime
{
    private static readonly DateOnly March = new(2026, 3, 31);
    private static readonly DateTimeOffset LastOfMarch = new(2026, 3, 31, 2, 0, 0, TimeSpan.Zero); // 10:00 in Shanghai
    private static readonly DateTimeOffset Publication = new(2026, 4, 3, 16, 0, 0, TimeSpan.Zero); // 4 April, 00:00 in Shanghai

    private readonly ClusterHarness _h = new(new ClusterOptions(), LastOfMarch);

    public async Task InitializeAsync()
    {
        await _h.BuildTreeAsync();
        await _h.AddTeachersAsync(Teacher("T1", "S1"), Teacher("T2", "S2"));
        await _h.PublishAsync(_h.Teach("T1"));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task BeforeItsLastDayLeavesTheWindow_TheMonthIsProvisional_AndALateEventChangesIt()
    {
        _h.SetNow(Publication - TimeSpan.FromMinutes(40));
        var before = await MarchRanking();
        Assert.True(before.Provisional);
        Assert.Equal([("S1", 5.0), ("S2", 0.0)], Listing(before));

        // Two sessions at 23:30 on 31 March, arriving 23:20 on 3 April: just inside 72 hours.
        var occurred = new DateTimeOffset(2026, 3, 31, 15, 30, 0, TimeSpan.Zero);
        var late = await _h.PublishAsync(_h.Event("T2", new TeachingSession("late-1", 2400), occurred), _h.Event("T2", new TeachingSession("late-2", 2400), occurred));
        Assert.Empty(late.Rejections);
        Assert.Equal(10, (await _h.Cluster.GetTeacherAsync("T2", March))!.Scores.Month.Points);
        Assert.Equal(10, (await _h.Cluster.GetSchoolAsync("S2", March))!.Month.Total);

        var after = await MarchRanking();
        Assert.True(after.Provisional);
        Assert.Equal([("S2", 10.0), ("S1", 5.0)], Listing(after));
    }

    [Fact]
    public async Task OnceItsLastDayLeftTheWindow_TheMonthIsPublished_AndNeitherALateEventNorAMoveChangesIt()
    {
        _h.SetNow(Publication);
        var published = await MarchRanking();
        Assert.False(published.Provisional);
        Assert.Equal([("S1", 5.0), ("S2", 0.0)], Listing(published));

        var late = await _h.PublishAsync(_h.Event("T2", new TeachingSession("too-late", 2400), LastOfMarch));
        Assert.Equal(RejectionReason.OutOfWindow, Assert.Single(late.Rejections).Reason);
        // T1 moves with its March: the schools' figures follow their members, the publication does not.
        await _h.AddTeachersAsync(Teacher("T1", "S2"));

        Assert.Equal(Listing(published), Listing(await MarchRanking()));
        Assert.Equal(5, (await _h.Cluster.GetSchoolAsync("S2", March))!.Month.Total);
        Assert.Equal(0, (await _h.Cluster.GetSchoolAsync("S1", March))!.Month.Total);
        var teachers = await _h.Cluster.GetRankingAsync(new RankingRequest("S2", RankingKind.Teachers, Period.Month, March));
        Assert.Equal([("T1", 5.0), ("T2", 0.0)], teachers!.Entries.Select(e => (e.Id, e.Score)));
    }

    [Fact]
    public async Task APublicationSurvivesARestart_ThatComesAfterAMove()
    {
        _h.Cluster.EnableSnapshots();
        _h.SetNow(Publication);
        var published = Listing(await MarchRanking());
        await _h.AddTeachersAsync(Teacher("T1", "S2"));
        var histories = await _h.Cluster.CaptureGroupHistoriesAsync();
        var teachers = await _h.Cluster.CaptureTeachersAsync(0);

        await using var restored = new ClusterHarness(new ClusterOptions(), _h.Clock.GetUtcNow());
        await restored.Cluster.PausePublicationAsync();
        teachers.ForEach(restored.Cluster.RestoreTeacher);
        await restored.BuildTreeAsync();
        await restored.AddTeachersAsync(Teacher("T1", "S2"), Teacher("T2", "S2"));
        foreach (var history in histories)
        {
            await restored.Cluster.RestoreGroupHistoryAsync(history);
        }
        await restored.Cluster.AnnounceAllTeachersAsync();
        await restored.Cluster.FlushAsync();
        await restored.Cluster.ResumePublicationAsync();

        var request = new RankingRequest("P", RankingKind.Schools, Period.Month, March);
        Assert.Equal(published, Listing((await restored.Cluster.GetRankingAsync(request))!));
        Assert.Equal(await _h.Cluster.GetRegionAsync("P", March), await restored.Cluster.GetRegionAsync("P", March));
    }

    [Fact]
    public async Task AMonthWhoseWindowClosedWhileTheSiloWasDown_IsPublishedFromTheRestoredTeachers()
    {
        var teachers = await _h.Cluster.CaptureTeachersAsync(0);

        // Down from 31 March to 5 April: nobody saw March's window close.
        await using var restored = new ClusterHarness(new ClusterOptions(), Publication + TimeSpan.FromDays(1));
        await restored.Cluster.PausePublicationAsync();
        teachers.ForEach(restored.Cluster.RestoreTeacher);
        await restored.BuildTreeAsync();
        await restored.AddTeachersAsync(Teacher("T1", "S1"), Teacher("T2", "S2"));
        await restored.Cluster.AnnounceAllTeachersAsync();
        await restored.Cluster.FlushAsync();
        await restored.Cluster.ResumePublicationAsync();
        var request = new RankingRequest("P", RankingKind.Schools, Period.Month, March);
        var published = (await restored.Cluster.GetRankingAsync(request))!;

        await restored.AddTeachersAsync(Teacher("T1", "S2"));

        Assert.False(published.Provisional);
        Assert.Equal([("S1", 5.0), ("S2", 0.0)], Listing(published));
        Assert.Equal(Listing(published), Listing((await restored.Cluster.GetRankingAsync(request))!));
    }

    private async Task<RankingPage> MarchRanking() =>
        (await _h.Cluster.GetRankingAsync(new RankingRequest("P", RankingKind.Schools, Period.Month, March)))!;

    private static List<(string, double)> Listing(RankingPage page) =>
        page.Entries.Where(e => e.Id is "S1" or "S2").Select(e => (e.Id, e.Score)).ToList();
}
