namespace ZhijiangLive.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task LastPosition_WhenNew_IsZero()
    {
        Assert.Equal(0, await Store.LastPositionAsync());
    }

    [Fact]
    public async Task LastPosition_AfterAppends_IsTheHighestPosition()
    {
        await Store.AppendAsync(Records.Journal(1, 3));
        Assert.Equal(3, await Store.LastPositionAsync());

        await Store.AppendAsync([Records.Roster(4), Records.Event(5)]);
        Assert.Equal(5, await Store.LastPositionAsync());
    }

    [Fact]
    public async Task Read_ReturnsTheAppendedRecordsExactly()
    {
        List<JournalRecord> records =
        [
            Records.Event(1),
            Records.Roster(2),
            Records.Event(3, occurredAt: Records.Time.AddDays(-400)),
            Records.Event(4, occurredAt: Records.Time.ToUniversalTime().AddTicks(1)),
        ];

        await Store.AppendAsync(records);
        var read = await Store.ReadAsync(0).ToListAsync();

        Assert.Equal(records.Select(Records.Shape), read.Select(Records.Shape));
        Assert.Null(read[1].EventId);
    }

    [Fact]
    public async Task Read_EmptyPayload_ComesBackEmpty()
    {
        var record = Records.Event(1) with { Payload = [] };

        await Store.AppendAsync([record]);

        Assert.Equal([Records.Shape(record)], await Store.ReadAsync(0).Select(Records.Shape).ToListAsync());
    }

    [Fact]
    public async Task Read_AfterAPosition_ReturnsTheLaterRecordsOfEveryAppend_InPositionOrder()
    {
        await Store.AppendAsync(Records.Journal(1, 3));
        await Store.AppendAsync([Records.Roster(4), Records.Event(5), Records.Event(6)]);

        Assert.Equal([1, 2, 3, 4, 5, 6], await PositionsAsync(Store, 0));
        Assert.Equal([4, 5, 6], await PositionsAsync(Store, 3));
        Assert.Equal([6], await PositionsAsync(Store, 5));
        Assert.Empty(await PositionsAsync(Store, 6));
        Assert.Empty(await PositionsAsync(Store, 100));
    }

    [Fact]
    public async Task Append_FiveThousandRecordsInOneCall_ReadsBackComplete()
    {
        var records = Records.Journal(1, 5_000);

        await Store.AppendAsync(records);

        Assert.Equal(records.Select(Records.Shape), await Store.ReadAsync(0).Select(Records.Shape).ToListAsync());
        Assert.Equal(5_000, await Store.LastPositionAsync());
        Assert.Equal(Enumerable.Range(2_501, 2_500).Select(p => (long)p), await PositionsAsync(Store, 2_500));
    }

    [Fact]
    public async Task Contains_IsTrueExactlyForCommittedPositions()
    {
        await Store.AppendAsync(Records.Journal(1, 3));

        Assert.False(await Store.ContainsAsync(0));
        Assert.True(await Store.ContainsAsync(1));
        Assert.True(await Store.ContainsAsync(3));
        Assert.False(await Store.ContainsAsync(4));
    }

    [Fact]
    public async Task Append_WithAPositionAlreadyStored_Throws_AndStoresNoneOfTheBatch()
    {
        var stored = Records.Journal(1, 3);
        await Store.AppendAsync(stored);

        await Assert.ThrowsAnyAsync<Exception>(
            () => Store.AppendAsync([Records.Event(4), Records.Event(5), Records.Roster(3)]));

        Assert.Equal(stored.Select(Records.Shape), await Store.ReadAsync(0).Select(Records.Shape).ToListAsync());
        Assert.Equal(3, await Store.LastPositionAsync());
        Assert.False(await Store.ContainsAsync(4));
        Assert.False(await Store.ContainsAsync(5));
    }

    [Fact]
    public async Task Append_AfterAFailedAppend_Succeeds()
    {
        await Store.AppendAsync(Records.Journal(1, 3));
        await Assert.ThrowsAnyAsync<Exception>(() => Store.AppendAsync([Records.Event(3)]));

        await Store.AppendAsync(Records.Journal(4, 5));

        Assert.Equal([1, 2, 3, 4, 5], await PositionsAsync(Store, 0));
    }

    [Fact]
    public async Task Append_RepeatingAPositionWithinTheBatch_Throws_AndStoresNoneOfIt()
    {
        await Assert.ThrowsAnyAsync<Exception>(
            () => Store.AppendAsync([Records.Event(1), Records.Event(2), Records.Roster(2)]));

        Assert.Empty(await PositionsAsync(Store, 0));
        Assert.Equal(0, await Store.LastPositionAsync());
        Assert.False(await Store.ContainsAsync(1));
    }
}
