using System.Diagnostics;
using ZhijiangLive.Silo.Metrics;
using ZhijiangLive.Storage;

namespace ZhijiangLive.Silo.Durability;

/// <summary>
/// Appends to the store's journal for the one ingest loop that calls it: gives positions, bounds an append
/// by <see cref="StoreOptions.AppendTimeout"/>, and after a failure keeps appending the same records (same
/// positions) until the store has them. A timed-out commit may still have landed; appending it again then
/// fails on its positions, which is how the writer learns that it did.
/// </summary>
public sealed class JournalWriter(IDurableStore store, StoreOptions options, ILogger<JournalWriter> logger, IngestMetrics? metrics = null)
{
    private long _lastPosition;

    public IDurableStore Store => store;

    public long LastPosition => Volatile.Read(ref _lastPosition);

    /// <summary>The journal's lease this writer holds, once <see cref="TakeAsync"/> took it.</summary>
    public JournalLease? Lease { get; private set; }

    /// <summary>
    /// Makes this silo the journal's one writer, before it reads where positions continue: a silo that took it
    /// earlier (another process on the same store) is fenced out from now on.
    /// </summary>
    public async Task<JournalLease> TakeAsync(string owner, CancellationToken cancellation)
    {
        Lease = await store.TakeJournalAsync(owner, cancellation);
        logger.LogInformation("This silo writes the {Store} journal as epoch {Epoch}", store.Name, Lease.Epoch);
        return Lease;
    }

    /// <summary>Where positions continue from: the journal's last position, read at start-up.</summary>
    public void StartAfter(long position) => Volatile.Write(ref _lastPosition, position);

    public long Reserve(int count)
    {
        var first = _lastPosition + 1;
        Volatile.Write(ref _lastPosition, _lastPosition + count);
        return first;
    }

    /// <summary>One try, bounded in time; throws what the store threw, or <see cref="TimeoutException"/>.</summary>
    public async Task AppendAsync(IReadOnlyList<JournalRecord> records)
    {
        using var timeout = new CancellationTokenSource(options.AppendTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await store.AppendAsync(records, timeout.Token).WaitAsync(timeout.Token);
            metrics?.Committed(records.Count, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            metrics?.CommitFailed();
            throw new TimeoutException($"the {store.Name} journal did not commit within {options.AppendTimeout.TotalSeconds:0.###} s");
        }
        catch
        {
            metrics?.CommitFailed();
            throw;
        }
    }

    /// <summary>After a failed append: tries again until the records are in the journal, by this try or an earlier one.</summary>
    public async Task AppendUntilDurableAsync(IReadOnlyList<JournalRecord> records, CancellationToken stopping)
    {
        var tries = 0;
        while (true)
        {
            stopping.ThrowIfCancellationRequested();
            try
            {
                if (await ContainsAllAsync(records))
                {
                    return;
                }
                await AppendAsync(records);
                return;
            }
            catch (Exception error) when (error is not JournalFencedException && (error is not OperationCanceledException || !stopping.IsCancellationRequested))
            {
                if (++tries % 20 == 1)
                {
                    logger.LogWarning("The {Store} journal is still unreachable ({Error}); trying again every {Interval}",
                        store.Name, error.Message, options.RetryInterval);
                }
            }
            await Task.Delay(options.RetryInterval, stopping);
        }
    }

    /// <summary>
    /// Whether the journal has these records. A batch is one transaction, so its first and last positions stand
    /// for all of it. After a fenced append this answer is final: the take that fenced it waited for every
    /// append in flight.
    /// </summary>
    public async Task<bool> ContainsAllAsync(IReadOnlyList<JournalRecord> records)
    {
        using var timeout = new CancellationTokenSource(options.AppendTimeout);
        return await store.ContainsAsync(records[0].Position, timeout.Token)
            && await store.ContainsAsync(records[^1].Position, timeout.Token);
    }
}
