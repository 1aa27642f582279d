namespace ZhijiangLive.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Prune_DeletesRecordsAtOrBelowThePosition_WhoseEventOccurredBeforeTheTime()
    {
        var before = Records.Time;
        await Store.AppendAsync(
        [
            Records.Event(1, occurredAt: before.AddDays(-1)),
            Records.Roster(2, occurredAt: before.AddDays(1)),   // roster: by its time too (it has no event time, but its acceptance), stays
            Records.Event(3, occurredAt: before),               // not before: stays
            Records.Event(4, occurredAt: before.AddTicks(-1)),
            Records.Event(5, occurredAt: before.AddDays(-1)),   // at the position: goes
            Records.Event(6, occurredAt: before.AddDays(-1)),   // above the position: stays
            Records.Roster(7, occurredAt: before.AddDays(-1)),
        ]);

        long pruned = await Store.PruneAsync(throughPosition: 5, occurredBefore: before);

        Assert.Equal(3, pruned);
        Assert.Equal([2, 3, 6, 7], await PositionsAsync(Store, 0));
        Assert.False(await Store.ContainsAsync(1));
        Assert.True(await Store.ContainsAsync(3));
        Assert.Equal(7, await Store.LastPositionAsync());
        Assert.Equal(
            [Records.EventId(3), Records.EventId(6)],
            (await Store.ReadEventIdsAsync(DateTimeOffset.MinValue).Select(e => e.EventId).ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Prune_WhenNothingQualifies_ReturnsZero_AndKeepsEverything()
    {
        var records = Records.Journal(1, 3);
        await Store.AppendAsync(records);

        Assert.Equal(0, await Store.PruneAsync(throughPosition: 0, occurredBefore: Records.Time.AddYears(1)));
        Assert.Equal(0, await Store.PruneAsync(throughPosition: 3, occurredBefore: Records.Time.AddDays(-1)));

        Assert.Equal(records.Select(Records.Shape), await Store.ReadAsync(0).Select(Records.Shape).ToListAsync());
    }

    [Fact]
    public async Task LastPosition_AfterPruningEverything_IsTheWatermark_AndAppendsContinueAfterIt()
    {
        await Store.AppendAsync(Records.Journal(1, 5));
        await Store.WriteWatermarkAsync(5);

        Assert.Equal(5, await Store.PruneAsync(throughPosition: 5, occurredBefore: Records.Time.AddYears(1)));

        Assert.Empty(await PositionsAsync(Store, 0));
        Assert.Equal(5, await Store.LastPositionAsync());
        var reopened = await RestartAsync(Store);
        Assert.Equal(5, await reopened.LastPositionAsync());

        await reopened.AppendAsync([Records.Event(6)]);
        Assert.Equal(6, await reopened.LastPositionAsync());
        Assert.Equal([6], await PositionsAsync(reopened, 5));
    }
}
