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

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the update did not come within 10 s");
            await Task.Delay(10);
        }
    }

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

        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 50; i++)
        {
            await _h.PublishAsync(_h.Event("T1", new Scoring.Events.Interaction($"student{i}", "answer")), _h.Teach("T2"));
        }
        await Until(() => updates.Last().Figures.Day.Total == 15L); // T1: interactions 5; T2: teaching 10
        var ticks = (int)(clock.Elapsed / Interval) + 1;

        // 100 calls changed the province; its followers heard at most once per interval (the snapshot first).
        Assert.InRange(updates.Count, 2, Math.Min(1 + ticks, 40));
    }

    [Fact]
    public async Task NothingChanged_NoUpdate()
    {
        var updates = new ConcurrentQueue<RegionUpdate>();
        using var _ = await _h.Cluster.SubscribeAsync("P", Period.Day, updates.Enqueue);

        await Task.Delay(Interval * 5);

        Assert.Single(updates);
    }

    [Fact]
    public async Task FollowerOfAnotherRegion_ReceivesNothing()
    {
        var c2 = new ConcurrentQueue<RegionUpdate>();
        using var _ = await _h.Cluster.SubscribeAsync("C2", Period.Day, c2.Enqueue);

        var c1 = new ConcurrentQueue<RegionUpdate>();
        using var __ = await _h.Cluster.SubscribeAsync("C1", Period.Day, c1.Enqueue);
        await _h.PublishAsync(_h.Teach("T1"), _h.Teach("T2"));
        await Until(() => c1.Count == 2);
        await Task.Delay(Interval * 3);

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
        await Task.Delay(Interval * 5);

        Assert.Single(updates);
    }

    [Fact]
    public async Task Midnight_IsNewsForFollowers_AndTheirFiguresStartAfresh()
    {
        await _h.PublishAsync(_h.Teach("T1"));
        var updates = new ConcurrentQueue<RegionUpdate>();
        using var _ = await _h.Cluster.SubscribeAsync("K1", Period.Day, updates.Enqueue);

        _h.SetNow(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero)); // Tuesday, 00:00 in Shanghai
        await Until(() => updates.Count == 2);

        Assert.Equal((new DateOnly(2026, 3, 3), 0L), (updates.Last().Figures.Date, updates.Last().Figures.Day.Total));
    }

    [Fact]
    public async Task Subscribe_UnknownRegion_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Cluster.SubscribeAsync("nowhere", Period.Day, _ => { }));
    }
}
