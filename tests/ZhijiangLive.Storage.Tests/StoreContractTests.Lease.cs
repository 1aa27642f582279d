namespace ZhijiangLive.Storage.Tests;

public abstract partial class StoreContractTests
{
    /// <summary>A second store open beside <see cref="Store"/> on the same storage: another silo on the same database.</summary>
    private async Task<IDurableStore> OpenBesideAsync()
    {
        var other = OpenSameStorage();
        _open.Add(other);
        await other.InitializeAsync();
        return other;
    }

    [Fact]
    public async Task TakeJournal_RaisesTheEpochWithEveryTake_WhicheverStoreTakesIt()
    {
        var other = await OpenBesideAsync();

        var first = await Store.TakeJournalAsync("silo A");
        var second = await other.TakeJournalAsync("silo B");
        var third = await Store.TakeJournalAsync("silo A again");

        Assert.True(first.Epoch >= 1);
        Assert.Equal(first.Epoch + 1, second.Epoch);
        Assert.Equal(second.Epoch + 1, third.Epoch);
        Assert.Equal("silo B", second.Owner);
    }

    [Fact]
    public async Task Append_AfterAnotherStoreTookTheJournal_IsFencedAndWritesNothing()
    {
        var other = await OpenBesideAsync();
        var mine = await Store.TakeJournalAsync("silo A");
        await Store.AppendAsync(Records.Journal(1, 2));
        var theirs = await other.TakeJournalAsync("silo B");

        var fenced = await Assert.ThrowsAsync<JournalFencedException>(() => Store.AppendAsync(Records.Journal(3, 4)));

        Assert.Equal(mine.Epoch, fenced.Mine.Epoch);
        Assert.Equal(theirs.Epoch, fenced.Current.Epoch);
        Assert.Contains("silo B", fenced.Message);
        Assert.Equal(2, await other.LastPositionAsync());
        Assert.Empty(await other.ReadAsync(2).ToListAsync());
    }

    [Fact]
    public async Task Append_ByTheNewestTaker_Continues_AndTheFormerOneStaysFenced()
    {
        var other = await OpenBesideAsync();
        await Store.TakeJournalAsync("silo A");
        await Store.AppendAsync(Records.Journal(1, 2));
        await other.TakeJournalAsync("silo B");

        await other.AppendAsync(Records.Journal(await other.LastPositionAsync() + 1, 5));
        await Assert.ThrowsAsync<JournalFencedException>(() => Store.AppendAsync(Records.Journal(6, 6)));
        await other.AppendAsync(Records.Journal(6, 6));

        Assert.Equal([1L, 2, 3, 4, 5, 6], await PositionsAsync(other, 0));
    }

    [Fact]
    public async Task Append_ByAStoreThatTookTheJournalBack_IsAllowedAgain_AndFencesTheOther()
    {
        var other = await OpenBesideAsync();
        await Store.TakeJournalAsync("silo A");
        await other.TakeJournalAsync("silo B");
        await Store.TakeJournalAsync("silo A");

        await Store.AppendAsync(Records.Journal(1, 1));
        await Assert.ThrowsAsync<JournalFencedException>(() => other.AppendAsync(Records.Journal(2, 2)));

        Assert.Equal([1L], await PositionsAsync(Store, 0));
    }

    [Fact]
    public async Task TakeJournal_SurvivesARestart_SoAReopenedStoreTakesAHigherEpoch()
    {
        var before = await Store.TakeJournalAsync("silo A");

        var reopened = await RestartAsync(Store);
        var after = await reopened.TakeJournalAsync("silo A, restarted");

        Assert.True(after.Epoch > before.Epoch);
    }
}
