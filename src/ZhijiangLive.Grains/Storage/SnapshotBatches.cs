using System.Collections.Concurrent;
using ZhijiangLive.Grains.Batching;
using ZhijiangLive.Storage;

namespace ZhijiangLive.Grains.Storage;

/// <summary>
/// Grain writes gathered into store transactions, and grain reads into queries (<see cref="GatheringQueue{TItem, TResult}"/>):
/// whatever waits when one finishes goes in the next, up to <paramref name="rowsPerTrip"/> rows. A store
/// pays per round trip, so a snapshot round of many teachers costs a few commits, and a roster activating a
/// province's teachers a few hundred queries, not one per teacher.
/// </summary>
internal sealed class SnapshotBatches(IDurableStore store, int rowsPerTrip = 2_000)
{
    private readonly ConcurrentDictionary<string, GatheringQueue<string, GrainSnapshot?>> _readsByKind = new(StringComparer.Ordinal);

    // A grain at most once per transaction, so that the store's answer for it is about this very row.
    private readonly GatheringQueue<GrainSnapshot, bool> _writes = new(async rows =>
    {
        var refused = await store.WriteSnapshotsAsync(rows).ConfigureAwait(false);
        return [.. rows.Select(row => !refused.Contains((row.Kind, row.Key)))];
    }, rowsPerTrip, row => (row.Kind, row.Key));

    /// <summary>The grain's stored row, or null. One query per kind takes the keys waiting.</summary>
    public Task<GrainSnapshot?> ReadAsync(string kind, string key) =>
        _readsByKind.GetOrAdd(kind, _ => new GatheringQueue<string, GrainSnapshot?>(keys => ReadAsync(kind, keys), rowsPerTrip)).EnqueueAsync(key);

    /// <summary>
    /// Completes once the row's transaction committed: true if the row was written, false if the store kept a
    /// version as high or higher (another writer got there first). Fails if its transaction failed.
    /// </summary>
    public Task<bool> WriteAsync(GrainSnapshot row) => _writes.EnqueueAsync(row);

    private async Task<IReadOnlyList<GrainSnapshot?>> ReadAsync(string kind, IReadOnlyList<string> keys)
    {
        var found = (await store.ReadSnapshotsAsync(kind, [.. keys.Distinct(StringComparer.Ordinal)]).ConfigureAwait(false))
            .ToDictionary(row => row.Key, StringComparer.Ordinal);
        return [.. keys.Select(key => found.GetValueOrDefault(key))];
    }
}
