namespace ZhijiangLive.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task ReadEventIds_ReturnsTheEventsThatOccurredAtOrAfterTheTime()
    {
        var since = Records.Time;
        await Store.AppendAsync(
        [
            Records.Event(1, occurredAt: since.AddTicks(-1)),
            Records.Event(2, occurredAt: since),
            Records.Roster(3, occurredAt: since.AddHours(1)),
            Records.Event(4, occurredAt: since.AddTicks(1)),
            Records.Event(5, occurredAt: since.AddDays(-1)),
            Records.Event(6, occurredAt: since.AddDays(1)),
        ]);

        var ids = await Store.ReadEventIdsAsync(since).Select(e => (e.EventId, e.OccurredAt.UtcTicks)).ToListAsync();

        Assert.Equal(
            [
                (Records.EventId(2), since.UtcTicks),
                (Records.EventId(4), since.AddTicks(1).UtcTicks),
                (Records.EventId(6), since.AddDays(1).UtcTicks),
            ],
            ids.OrderBy(e => e.EventId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadEventIds_ThroughAPosition_LeavesOutTheLaterEvents()
    {
        var since = Records.Time;
        await Store.AppendAsync([Records.Event(1, occurredAt: since), Records.Event(2, occurredAt: since), Records.Event(3, occurredAt: since)]);

        var ids = await Store.ReadEventIdsAsync(since, throughPosition: 2).Select(e => e.EventId).ToListAsync();

        Assert.Equal([Records.EventId(1), Records.EventId(2)], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadEventIds_WhenNew_IsEmpty()
    {
        Assert.Empty(await Store.ReadEventIdsAsync(DateTimeOffset.MinValue).ToListAsync());
    }
}
