using System.Diagnostics;
using System.Runtime.CompilerServices;
using ZhijiangLive.Storage;

namespace ZhijiangLive.Bench.Durability;

/// <summary>
/// The silo's store with a meter on it: every append's size and the time it took, and for each kind of
/// read (journal, snapshots, event ids) the items read and the time spent inside the store's enumerator,
/// so that a figure can be split into the store's share and the silo's. Appends come from one caller in
/// order (the store's contract).
/// </summary>
internal sealed class CountingStore(IDurableStore inner) : IDurableStore
{
    private readonly List<Append> _appends = new(1 << 16);
    private long _eventsRead;
    private long _firstEventReadAt;

    /// <summary>One committed append: when it ended, its rows, and how long it took (Stopwatch ticks).</summary>
    public readonly record struct Append(long EndedAt, int Rows, long Ticks);

    /// <summary>Items read by one kind of read, and the time spent waiting for the store to give them.</summary>
    public sealed class Reads
    {
        private long _items;
        private long _ticks;

        public long Items => Interlocked.Read(ref _items);
        public TimeSpan Time => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

        internal void Add(long ticks, bool item)
        {
            Interlocked.Add(ref _ticks, ticks);
            if (item) Interlocked.Increment(ref _items);
        }
    }

    public string Name => inner.Name;

    public Task PingAsync(CancellationToken cancellation = default) => inner.PingAsync(cancellation);

    public Reads Journal { get; } = new();
    public Reads Snapshots { get; } = new();
    public Reads EventIds { get; } = new();

    public long EventsRead => Interlocked.Read(ref _eventsRead);

    /// <summary>The Stopwatch timestamp at which the journal's read first reached an event (past the roster records), 0 before.</summary>
    public long FirstEventReadAt => Interlocked.Read(ref _firstEventReadAt);

    /// <summary>The appends committed between two Stopwatch timestamps.</summary>
    public Append[] AppendsBetween(long from, long to)
    {
        lock (_appends) return _appends.Where(a => a.EndedAt > from && a.EndedAt <= to).ToArray();
    }

    public Task<JournalLease> TakeJournalAsync(string owner, CancellationToken cancellation = default) =>
        inner.TakeJournalAsync(owner, cancellation);

    public async Task AppendAsync(IReadOnlyList<JournalRecord> records, CancellationToken cancellation = default)
    {
        var start = Stopwatch.GetTimestamp();
        await inner.AppendAsync(records, cancellation);
        var end = Stopwatch.GetTimestamp();
        lock (_appends) _appends.Add(new Append(end, records.Count, end - start));
    }

    public IAsyncEnumerable<JournalRecord> ReadAsync(long afterPosition, CancellationToken cancellation = default) =>
        Timed(inner.ReadAsync(afterPosition, cancellation), Journal, record =>
        {
            if (record.Kind == JournalKind.Event && Interlocked.Increment(ref _eventsRead) == 1)
            {
                Interlocked.Exchange(ref _firstEventReadAt, Stopwatch.GetTimestamp());
            }
        }, cancellation);

    public IAsyncEnumerable<GrainSnapshot> ReadSnapshotsAsync(CancellationToken cancellation = default) =>
        Timed(inner.ReadSnapshotsAsync(cancellation), Snapshots, null, cancellation);

    public IAsyncEnumerable<RecentEventId> ReadEventIdsAsync(DateTimeOffset occurredSince, long throughPosition = long.MaxValue, CancellationToken cancellation = default) =>
        Timed(inner.ReadEventIdsAsync(occurredSince, throughPosition, cancellation), EventIds, null, cancellation);

    public Task InitializeAsync(CancellationToken cancellation = default) => inner.InitializeAsync(cancellation);
    public Task<long> LastPositionAsync(CancellationToken cancellation = default) => inner.LastPositionAsync(cancellation);
    public Task<bool> ContainsAsync(long position, CancellationToken cancellation = default) => inner.ContainsAsync(position, cancellation);
    public Task<IReadOnlySet<(string Kind, string Key)>> WriteSnapshotsAsync(IReadOnlyList<GrainSnapshot> snapshots, CancellationToken cancellation = default) =>
        inner.WriteSnapshotsAsync(snapshots, cancellation);
    public Task<IReadOnlyList<GrainSnapshot>> ReadSnapshotsAsync(string kind, IReadOnlyList<string> keys, CancellationToken cancellation = default) =>
        inner.ReadSnapshotsAsync(kind, keys, cancellation);
    public Task DeleteSnapshotAsync(string kind, string key, CancellationToken cancellation = default) =>
        inner.DeleteSnapshotAsync(kind, key, cancellation);
    public Task<long> ReadWatermarkAsync(CancellationToken cancellation = default) => inner.ReadWatermarkAsync(cancellation);
    public Task WriteWatermarkAsync(long position, CancellationToken cancellation = default) => inner.WriteWatermarkAsync(position, cancellation);
    public Task<long> PruneAsync(long throughPosition, DateTimeOffset occurredBefore, CancellationToken cancellation = default) =>
        inner.PruneAsync(throughPosition, occurredBefore, cancellation);
    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private static async IAsyncEnumerable<T> Timed<T>(
        IAsyncEnumerable<T> source, Reads reads, Action<T>? onItem, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        await using var items = source.GetAsyncEnumerator(cancellation);
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            var more = await items.MoveNextAsync();
            reads.Add(Stopwatch.GetTimestamp() - start, more);
            if (!more) yield break;
            onItem?.Invoke(items.Current);
            yield return items.Current;
        }
    }
}
