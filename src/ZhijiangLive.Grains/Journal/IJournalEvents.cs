using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Journal;

/// <summary>
/// The journal as the facade reads it back, to catch up a teacher whose grain came back behind (its silo died
/// after its last stored row): the host that has the store provides it.
/// </summary>
public interface IJournalEvents
{
    /// <summary>The events and roster changes with positions after <paramref name="after"/> up to <paramref name="through"/>, in journal order.</summary>
    IAsyncEnumerable<JournalEntry> ReadAsync(long after, long through, CancellationToken cancellation = default);
}

/// <summary>One record of the journal, read back.</summary>
public abstract record JournalEntry(long Position);

public sealed record JournaledEvent(long Position, ActivityEvent Event, DateTimeOffset AcceptedAt) : JournalEntry(Position);

public sealed record JournaledRoster(long Position, RosterBatch Batch) : JournalEntry(Position);
