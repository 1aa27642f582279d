using Orleans;
using Orleans.Hosting;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Tests.Cluster;
using static ZhijiangLive.Grains.Tests.Cluster.ClusterHarness;

namespace ZhijiangLive.Grains.Tests.Forwarding;

/// <summary>Schools forward their teachers' reports through the silo's county outbox: one call per county per window.</summary>
public sealed class CountyOutboxTests : IAsyncLifetime
{
    private readonly ReceiveCalls<IRegionGrain> _calls = new();
    private ClusterHarness _h = null!;

    public async Task InitializeAsync()
    {
        // A long window, so that every report of the test falls into one unless a flush sends it.
        var options = new ClusterOptions { NotifyInterval = TimeSpan.FromMilliseconds(100), ForwardInterval = TimeSpan.FromSeconds(2) };
        _h = new ClusterHarness(options, configure: silo => silo.AddIncomingGrainCallFilter(_calls));
        await _h.BuildTreeAsync();
        // K1 has schools S1 and S2; K2 has S3.
        await _h.AddTeachersAsync(Teacher("T1", "S1"), Teacher("T2", "S1"), Teacher("T3", "S2"), Teacher("T4", "S3"));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task SchoolsOfOneCounty_ReachItAsOneCall_WhenTheirTeachersScoreInOneWindow()
    {
        _calls.Reset();
        await _h.PublishAsync([_h.Teach("T1"), _h.Teach("T2"), _h.Teach("T3"), _h.Teach("T4")]);

        Assert.Equal(1, _calls.ReceivesOf("K1"));
        Assert.Equal(1, _calls.ReceivesOf("K2"));
        Assert.Equal(15L, (await _h.Cluster.GetRegionAsync("K1"))!.Day.Total);
        Assert.Equal(20L, (await _h.Cluster.GetRegionAsync("P"))!.Day.Total);
    }

    [Fact]
    public async Task ATeacherMovedToAnotherSchoolOfTheCounty_IsCountedOnceThere()
    {
        await _h.PublishAsync([_h.Teach("T1")]);
        await _h.AddTeachersAsync(Teacher("T1", "S2"));
        await _h.PublishAsync([_h.Teach("T1")]);

        var county = (await _h.Cluster.GetRegionAsync("K1"))!;
        var newSchool = (await _h.Cluster.GetSchoolAsync("S2"))!;
        Assert.Equal(3, county.Teachers);
        Assert.True(newSchool.Day.Total > 0);
        Assert.Equal(newSchool.Day.Total, county.Day.Total);
        Assert.Equal(0L, (await _h.Cluster.GetSchoolAsync("S1"))!.Day.Total);
    }
}
