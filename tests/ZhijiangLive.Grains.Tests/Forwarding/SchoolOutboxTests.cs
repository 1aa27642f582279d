using Orleans;
using Orleans.Hosting;
using ZhijiangLive.Grains.Schools;
using ZhijiangLive.Grains.Tests.Cluster;
using static ZhijiangLive.Grains.Tests.Cluster.ClusterHarness;

namespace ZhijiangLive.Grains.Tests.Forwarding;

/// <summary>Teachers' reports reach their school through the silo's outbox: one call per school per window.</summary>
public sealed class SchoolOutboxTests : IAsyncLifetime
{
    private const int TeachersInS1 = 40;
    private readonly ReceiveCalls<ISchoolGrain> _calls = new();
    private ClusterHarness _h = null!;

    public async Task InitializeAsync()
    {
        // A long window, so that every report of the test falls into one unless a flush sends it.
        var options = new ClusterOptions { NotifyInterval = TimeSpan.FromMilliseconds(100), ForwardInterval = TimeSpan.FromSeconds(2) };
        _h = new ClusterHarness(options, configure: silo => silo.AddIncomingGrainCallFilter(_calls));
        await _h.BuildTreeAsync();
        await _h.AddTeachersAsync([.. Enumerable.Range(1, TeachersInS1).Select(i => Teacher($"T{i}", "S1"))]);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task TeachersOfOneSchool_ReachItAsOneCall_WhenTheyScoreInOneWindow()
    {
        _calls.Reset();
        await _h.PublishAsync([.. Enumerable.Range(1, TeachersInS1).Select(i => _h.Teach($"T{i}"))]);

        Assert.Equal(1, _calls.ReceivesOf("S1"));
        var school = await _h.Cluster.GetSchoolAsync("S1");
        Assert.Equal(TeachersInS1 * 5L, school!.Day.Total);
    }

    [Fact]
    public async Task Reports_ReachTheSchool_WhenTheWindowCloses_WithoutAFlush()
    {
        await _h.Cluster.PublishAsync([_h.Teach("T1"), _h.Teach("T2")]);
        Assert.Equal(0L, (await _h.Cluster.GetSchoolAsync("S1"))!.Day.Total);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await _h.Cluster.GetSchoolAsync("S1"))!.Day.Total != 10L)
        {
            Assert.True(DateTime.UtcNow < deadline, "the reports did not reach the school within 10 s");
            await Task.Delay(50);
        }
    }
}
