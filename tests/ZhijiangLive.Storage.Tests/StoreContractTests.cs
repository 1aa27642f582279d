namespace ZhijiangLive.Storage.Tests;

/// <summary>
/// What every <see cref="IDurableStore"/> must do, run against each implementation by a derived class.
/// Each test gets empty storage of its own; "reopening" is a new store instance on that same storage.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private readonly List<IDurableStore> _open = [];
    private IDurableStore? _store;

    /// <summary>The initialized store under test.</summary>
    protected IDurableStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>What <see cref="IDurableStore.Name"/> should say.</summary>
    protected abstract string ExpectedName { get; }

    /// <summary>Creates empty storage for this test and a store on it, not yet initialized.</summary>
    protected abstract Task<IDurableStore> CreateStoreAsync();

    /// <summary>Another store, not yet initialized, on the storage <see cref="CreateStoreAsync"/> made: what a restarted silo opens.</summary>
    protected abstract IDurableStore OpenSameStorage();

    /// <summary>Removes the storage, once every store on it is disposed.</summary>
    protected virtual Task DeleteStorageAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        _open.Add(_store);
        await _store.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _open)
        {
            await store.DisposeAsync();
        }
        await DeleteStorageAsync();
    }

    /// <summary>Disposes <paramref name="store"/> and opens a fresh, initialized one on the same storage: a restart.</summary>
    protected async Task<IDurableStore> RestartAsync(IDurableStore store)
    {
        _open.Remove(store);
        await store.DisposeAsync();
        var reopened = OpenSameStorage();
        _open.Add(reopened);
        await reopened.InitializeAsync();
        return reopened;
    }

    private static async Task<List<long>> PositionsAsync(IDurableStore store, long afterPosition) =>
        await store.ReadAsync(afterPosition).Select(r => r.Position).ToListAsync();

    [Fact]
    public void Name_SaysWhichStoreItIs()
    {
        Assert.Equal(ExpectedName, Store.Name);
    }

    [Fact]
    public async Task Ping_AnswersOnAnOpenStore_AndFailsOnceItIsClosed()
    {
        await Store.PingAsync();

        var closed = await RestartAsync(Store);
        _open.Remove(closed);
        await closed.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => closed.PingAsync());
    }

    [Fact]
    public async Task Initialize_CalledAgain_KeepsTheData()
    {
        var records = Records.Journal(1, 3);
        var snapshot = Records.Snapshot("teacher", "张老师", 2, "状态");
        await Store.AppendAsync(records);
        await Store.WriteSnapshotsAsync([snapshot]);
        await Store.WriteWatermarkAsync(3);

        await Store.InitializeAsync();
        var reopened = await RestartAsync(Store);
        await reopened.InitializeAsync();

        Assert.Equal(records.Select(Records.Shape), await reopened.ReadAsync(0).Select(Records.Shape).ToListAsync());
        Assert.Equal([Records.Shape(snapshot)], await reopened.ReadSnapshotsAsync().Select(Records.Shape).ToListAsync());
        Assert.Equal(3, await reopened.ReadWatermarkAsync());
        Assert.Equal(3, await reopened.LastPositionAsync());
    }

    [Fact]
    public async Task Restart_ReadsEverythingTheClosedStoreWrote()
    {
        List<JournalRecord> records = [Records.Event(1), Records.Roster(2), Records.Event(3, occurredAt: Records.Time.AddDays(-1))];
        GrainSnapshot[] snapshots = [Records.Snapshot("teacher", "张老师", 4, "积分 12"), Records.Snapshot("school", "西湖小学", 1, "活跃 3/40")];
        await Store.AppendAsync(records);
        await Store.WriteSnapshotsAsync(snapshots);
        await Store.WriteWatermarkAsync(2);

        var reopened = await RestartAsync(Store);

        Assert.Equal(3, await reopened.LastPositionAsync());
        Assert.True(await reopened.ContainsAsync(3));
        Assert.Equal(records.Select(Records.Shape), await reopened.ReadAsync(0).Select(Records.Shape).ToListAsync());
        Assert.Equal(
            snapshots.Select(Records.Shape).OrderBy(s => s.Kind, StringComparer.Ordinal),
            (await reopened.ReadSnapshotsAsync().Select(Records.Shape).ToListAsync()).OrderBy(s => s.Kind, StringComparer.Ordinal));
        Assert.Equal(2, await reopened.ReadWatermarkAsync());
        Assert.Equal(
            [(Records.EventId(1), Records.Event(1).OccurredAt.UtcTicks)],
            await reopened.ReadEventIdsAsync(Records.Time).Select(e => (e.EventId, e.OccurredAt.UtcTicks)).ToListAsync());
    }
}
