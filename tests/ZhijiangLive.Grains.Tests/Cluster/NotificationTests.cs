using System.Collections.Concurrent;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Regions;
using static ZhijiangLive.Grains.Tests.Cluster.ClusterHarness;

namespace ZhijiangLive.Grains.Tests.Cluster;

public sealed class NotificationTests : IAsyncLifetime
{
    private readonly ClusterHarness _h = new();

    public async Task InitializeAsync()
    {
        await _h.BuildTreeAsync();
        await _h.AddTeachersAsync(Teacher("T1", "S1"), Teacher("T2", "S3"), Teacher("T5", "S5"));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Subscribe_GivesASnapshotAtOnce()
    {
        await _h.PublishAsync(_h.Teach("T1"));
        var updates = new ConcurrentQueue<RegionUpdate>();

        using var _ = await _h.Cluster.SubscribeAsync("C1", Period.Day, updates.Enqueue);

        var snapshot = Assert.Single(updates);
        Assert.Equal(("C1", 5L, 2), (snapshot.Figures.Id, snapshot.Figures.Day.Total, snapshot.Figures.Teachers));
        Assert.Equal(["T1", "T2"], snapshot.TopTeachers.Select(e => e.Id));
        Assert.Equal(["K1", "K2"], snapshot.TopRegions.Select(e => e.Id));
    }

    [Fact]
    public async Task ManyEventsInOneInterval_AreCoalescedIntoOneUpdate()
    {
        var updates = new ConcurrentQueue<RegionUpdate>();
        using var _ = await _h.Cluster.SubscribeAsync("P", Period.Day, updates.Enqueue);

        for (var i = 0; i < 50; i++)
        {
            await _h.PublishAsync(_h.Event("T1", new Scoring.Events.Interaction($"student{i}", "answer")), _h.Teach("T2"));
        }
        _h.Clock.Advance(TimeSpan.FromSeconds(1));
        await _h.Cluster.FlushAsync();

        Assert.Equal(2, updates.Count); // the snapshot, then one update for the whole second
        Assert.Equal(15L, updates.Last().Figures.Day.Total); // T1: interactions 5; T2: teaching 10
    }

    [Fact]
    public async Task NothingChanged_NoUpdate()
    {
        var updates = new ConcurrentQueue<RegionUpdate>();
        using var _ = await _h.Cluster.SubscribeAsync("P", Period.Day, updates.Enqueue);

        _h.Clock.Advance(TimeSpan.FromSeconds(5));
        await _h.Cluster.FlushAsync();

        Assert.Single(updates);
    }

    [Fact]
    public async Task FollowerOfAnotherRegion_ReceivesNothing()
    {
        var c2 = new ConcurrentQueue<RegionUpdate>();
        using var _ = await _h.Cluster.SubscribeAsync("C2", Period.Day, c2.Enqueue);

        await _h.PublishAsync(_h.Teach("T1"), _h.Teach("T2"));
        _h.Clock.Advance(TimeSpan.FromSeconds(2));
        await _h.Cluster.FlushAsync();

        Assert.Single(c2); // the snapshot only
    }

    [Fact]
    public async Task Dispose_StopsUpdates()
    {
        var updates = new ConcurrentQueue<RegionUpdate>();
        var subscription = await _h.Cluster.SubscribeAsync("K1", Period.Month, updates.Enqueue);
        subscription.Dispose();
        await _h.Cluster.FlushAsync();

        await _h.PublishAsync(_h.Teach("T1"));
        _h.Clock.Advance(TimeSpan.FromSeconds(2));
        await _h.Cluster.FlushAsync();

        Assert.Single(updates);
    }

    [Fact]
    public async Task Subscribe_UnknownRegion_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Cluster.SubscribeAsync("nowhere", Period.Day, _ => { }));
    }
}
