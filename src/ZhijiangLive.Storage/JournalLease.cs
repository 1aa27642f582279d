namespace ZhijiangLive.Storage;

/// <summary>
/// The right to append to a journal, taken by one writer: <see cref="Epoch"/> rises with every take, and an
/// append by a store whose epoch is no longer the journal's fails (<see cref="JournalFencedException"/>).
/// </summary>
/// <param name="Owner">who took it, in words an operator can find: host, process, silo</param>
public sealed record JournalLease(long Epoch, string Owner, DateTimeOffset TakenAt);

/// <summary>
/// An append refused because another writer took the journal after this store did: nothing of the append was
/// written. The writer that gets it has lost the journal for good and must stop taking work.
/// </summary>
public sealed class JournalFencedException(JournalLease mine, JournalLease current)
    : Exception($"the journal was taken by {current.Owner} (epoch {current.Epoch}) at {current.TakenAt:yyyy-MM-dd HH:mm:ss} UTC, " +
        $"after this writer took it as {mine.Owner} (epoch {mine.Epoch}); this writer may no longer append")
{
    public JournalLease Mine { get; } = mine;

    public JournalLease Current { get; } = current;
}
