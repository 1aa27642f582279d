using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using static ZhijiangLive.Grains.Tests.Cluster.ClusterHarness;

namespace ZhijiangLive.Grains.Tests.Cluster;

public sealed class ReactivationTests
{
    [Fact]
    public async Task IdleGrains_AreDeactivatedAndComeBackWithTheirState()
    {
        await using var h = new ClusterHarness(new ClusterOptions { Partitions = 2, IdleDeactivationAfter = TimeSpan.FromMinutes(5) });
        await h.BuildTreeAsync();
        await h.AddTeachersAsync(Teacher("T1", "S1"), Teacher("T2", "S2"));
        await h.PublishAsync(h.Teach("T1"), h.Teach("T2"), h.Teach("T2"));
        var active = h.Cluster.Runtime.ActiveGrainCount;

        h.Clock.Advance(TimeSpan.FromMinutes(7));
        await h.Cluster.FlushAsync();
        Assert.Equal(0, h.Cluster.Runtime.ActiveGrainCount);
        Assert.True(h.Storage.Count >= active);

        // The same session id again: the teacher still remembers it, so it counts once.
        var repeat = h.Event("T1", new Scoring.Events.TeachingSession("s1", 1200));
        await h.PublishAsync(repeat, h.Teach("T1"));

        Assert.Equal(10, (await h.Cluster.GetTeacherAsync("T1"))!.Scores.Day.Points);
        var province = (await h.Cluster.GetRegionAsync("P"))!;
        Assert.Equal((2, 20L), (province.Teachers, province.Day.Total));
        var ranking = await h.Cluster.GetRankingAsync(new RankingRequest("P", RankingKind.Teachers, Period.Day));
        Assert.Equal([("T1", 10.0), ("T2", 10.0)], ranking!.Entries.Select(e => (e.Id, e.Score)));
    }
}
