using System.Runtime.CompilerServices;

namespace ZhijiangLive.Storage;

/// <summary>
/// A store that keeps nothing: appends succeed at once and a restart finds an empty journal. For tests and
/// benchmarks of everything but durability (<c>Zhijiang:Store:Provider=memory</c>).
/// </summary>
public sealed class VolatileStore : IDurableStore
{
    private long _last;
    private long _epoch;

    public string Name => "memory";

    public Task PingAsync(CancellationToken cancellation = default) => Task.CompletedTask;

    public Task InitializeAsync(CancellationToken cancellation = default) => Task.CompletedTask;

    public Task<long> LastPositionAsync(CancellationToken cancellation = default) => Task.FromResult(Interlocked.Read(ref _last));

    /// <summary>Nothing else can reach this store's journal, so a take only numbers the epoch.</summary>
    public Task<JournalLease> TakeJournalAsync(string owner, CancellationToken cancellation = default) =>
        Task.FromResult(new JournalLease(Interlocked.Increment(ref _epoch), owner, DateTimeOffset.UtcNow));

    public Task AppendAsync(IReadOnlyList<JournalRecord> records, CancellationToken cancellation = default)
    {
        if (records.Count > 0)
        {
            Interlocked.Exchange(ref _last, records[^1].Position);
        }
        return Task.CompletedTask;
    }

    public Task<bool> ContainsAsync(long position, CancellationToken cancellation = default) =>
        Task.FromResult(position > 0 && position <= Interlocked.Read(ref _last));

    public IAsyncEnumerable<JournalRecord> ReadAsync(long afterPosition, CancellationToken cancellation = default) => Empty<JournalRecord>();

    public IAsyncEnumerable<RecentEventId> ReadEventIdsAsync(DateTimeOffset occurredSince, long throughPosition = long.MaxValue, CancellationToken cancellation = default) =>
        Empty<RecentEventId>();

    public Task<IReadOnlySet<(string Kind, string Key)>> WriteSnapshotsAsync(IReadOnlyList<GrainSnapshot> snapshots, CancellationToken cancellation = default) =>
        Task.FromResult<IReadOnlySet<(string Kind, string Key)>>(new HashSet<(string, string)>());

    public IAsyncEnumerable<GrainSnapshot> ReadSnapshotsAsync(CancellationToken cancellation = default) => Empty<GrainSnapshot>();

    public Task<IReadOnlyList<GrainSnapshot>> ReadSnapshotsAsync(string kind, IReadOnlyList<string> keys, CancellationToken cancellation = default) =>
        Task.FromResult<IReadOnlyList<GrainSnapshot>>([]);

    public Task DeleteSnapshotAsync(string kind, string key, CancellationToken cancellation = default) => Task.CompletedTask;

    public Task<long> ReadWatermarkAsync(CancellationToken cancellation = default) => Task.FromResult(0L);

    public Task WriteWatermarkAsync(long position, CancellationToken cancellation = default) => Task.CompletedTask;

    public Task<long> PruneAsync(long throughPosition, DateTimeOffset occurredBefore, CancellationToken cancellation = default) =>
        Task.FromResult(0L);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async IAsyncEnumerable<T> Empty<T>([EnumeratorCancellation] CancellationToken cancellation = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}
