namespace ZhijiangLive.Storage;

/// <summary>
/// Where the silo's acknowledged work survives a crash: the journal of accepted events and roster
/// changes, the grains' snapshots, and the watermark up to which every grain has a snapshot. One writer
/// process at a time (<see cref="TakeJournalAsync"/> fences out the others); every method may be called from any
/// thread, but appends come from one caller in order.
/// </summary>
public interface IDurableStore : IAsyncDisposable
{
    /// <summary>A short name for logs and metrics: <c>postgres</c> or <c>sqlite</c>.</summary>
    string Name { get; }

    /// <summary>
    /// A cheap round trip that succeeds only while the store can be read: how readiness learns that it is
    /// reachable without writing anything.
    /// </summary>
    Task PingAsync(CancellationToken cancellation = default);

    /// <summary>Creates or upgrades the schema; safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellation = default);

    /// <summary>The highest position in the journal, or the watermark when the journal was pruned empty; 0 when new.</summary>
    Task<long> LastPositionAsync(CancellationToken cancellation = default);

    /// <summary>
    /// Makes this store the journal's one writer: a new epoch, above every earlier one. From then on an append
    /// through this store fails with <see cref="JournalFencedException"/> (writing nothing) once another store
    /// took the journal after it. A store that never took it appends unfenced: tools that fill a store of their own.
    /// </summary>
    Task<JournalLease> TakeJournalAsync(string owner, CancellationToken cancellation = default);

    /// <summary>
    /// Appends records in one transaction; they are durable (committed and synced) when the task completes.
    /// Fails with <see cref="JournalFencedException"/>, having written nothing, if another store took the journal
    /// since this one did.
    /// </summary>
    Task AppendAsync(IReadOnlyList<JournalRecord> records, CancellationToken cancellation = default);

    /// <summary>Whether a record with this position was committed: how a writer settles an append whose outcome it never heard.</summary>
    Task<bool> ContainsAsync(long position, CancellationToken cancellation = default);

    /// <summary>The records after <paramref name="afterPosition"/>, in position order.</summary>
    IAsyncEnumerable<JournalRecord> ReadAsync(long afterPosition, CancellationToken cancellation = default);

    /// <summary>
    /// The ids of journaled events that occurred at or after <paramref name="occurredSince"/>, at positions up to
    /// <paramref name="throughPosition"/> (a recovery that replays the journal after a position learns the later ids from the replay).
    /// </summary>
    IAsyncEnumerable<RecentEventId> ReadEventIdsAsync(DateTimeOffset occurredSince, long throughPosition = long.MaxValue, CancellationToken cancellation = default);

    /// <summary>
    /// Writes snapshots in one transaction; a snapshot whose version is not above the stored one of its grain
    /// is not written. Answers the grains (kind, key) it did not write: how grain storage tells a writer
    /// that another one got there first.
    /// </summary>
    Task<IReadOnlySet<(string Kind, string Key)>> WriteSnapshotsAsync(IReadOnlyList<GrainSnapshot> snapshots, CancellationToken cancellation = default);

    /// <summary>Every stored snapshot.</summary>
    IAsyncEnumerable<GrainSnapshot> ReadSnapshotsAsync(CancellationToken cancellation = default);

    /// <summary>The stored snapshots of these grains of one kind (those that have one): what grains read as they activate.</summary>
    Task<IReadOnlyList<GrainSnapshot>> ReadSnapshotsAsync(string kind, IReadOnlyList<string> keys, CancellationToken cancellation = default);

    /// <summary>Deletes one grain's snapshot, whatever its version.</summary>
    Task DeleteSnapshotAsync(string kind, string key, CancellationToken cancellation = default);

    /// <summary>The position every grain's snapshot includes (0 when none); replay starts after it.</summary>
    Task<long> ReadWatermarkAsync(CancellationToken cancellation = default);

    /// <summary>Moves the watermark forward; a lower value than the stored one is ignored.</summary>
    Task WriteWatermarkAsync(long position, CancellationToken cancellation = default);

    /// <summary>
    /// Deletes journal records at or below <paramref name="throughPosition"/> that occurred before
    /// <paramref name="occurredBefore"/> (a roster record's time is when it was accepted); returns how many went.
    /// </summary>
    Task<long> PruneAsync(long throughPosition, DateTimeOffset occurredBefore, CancellationToken cancellation = default);
}
