using System.Runtime.CompilerServices;
using ZhijiangLive.Grains.Journal;
using ZhijiangLive.Storage;

namespace ZhijiangLive.Silo.Durability;

/// <summary>The store's journal, decoded, for the facade to catch behind teachers up from.</summary>
public sealed class StoreJournalEvents(IDurableStore store) : IJournalEvents
{
    public async IAsyncEnumerable<JournalEntry> ReadAsync(long after, long through, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        await foreach (var record in store.ReadAsync(after, cancellation))
        {
            if (record.Position > through)
            {
                yield break;
            }
            yield return record.Kind == JournalKind.Roster
                ? new JournaledRoster(record.Position, JournalPayloads.ToRoster(record))
                : new JournaledEvent(record.Position, JournalPayloads.ToEvent(record), record.AcceptedAt);
        }
    }
}
