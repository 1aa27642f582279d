using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Silo.Ingest;
using ZhijiangLive.Storage;
using Domain = ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Silo.Durability;

/// <summary>
/// Feeds journal records back through the cluster in journal order, each event with its own acceptance
/// instant and position, roster changes in their place between them. Consecutive events go to the grains
/// in hand-offs of up to <see cref="EventsPerHandoff"/>, one call per teacher for its share, each scored
/// before the next is sent. The duplicates window learns every replayed id, so a retry after the restart
/// is still a duplicate.
/// </summary>
public sealed class JournalReplay(ZhijiangCluster cluster, EventIdWindow ids)
{
    /// <summary>Big enough that a teacher has several events in one, small enough to keep the heap calm.</summary>
    public const int EventsPerHandoff = 50_000;

    private readonly List<AcceptedEvent> _group = [];
    private readonly Queue<(Task<PublishResult> Scoring, List<AcceptedEvent> Events)> _inFlight = new();

    public long Events { get; private set; }
    public long RosterChanges { get; private set; }
    public long Refused { get; private set; }
    public long LastPosition { get; private set; }

    public async Task AddAsync(JournalRecord record)
    {
        LastPosition = record.Position;
        if (record.Kind == JournalKind.Roster)
        {
            await FlushGroupAsync();
            await cluster.UpsertRosterAsync(JournalPayloads.ToRoster(record), record.Position);
            RosterChanges++;
            return;
        }
        var activity = JournalPayloads.ToEvent(record);
        ids.TryClaim(activity);
        _group.Add(new AcceptedEvent(activity, record.AcceptedAt, record.Position));
        Events++;
        if (_group.Count >= EventsPerHandoff)
        {
            await FlushGroupAsync();
        }
    }

    /// <summary>Completes when every record added so far has been scored.</summary>
    public async Task CompleteAsync()
    {
        await FlushGroupAsync();
        while (_inFlight.Count > 0)
        {
            await SettleOldestAsync();
        }
        await cluster.FlushAsync();
    }

    private async Task FlushGroupAsync()
    {
        if (_group.Count == 0)
        {
            return;
        }
        var events = _group.ToList();
        _group.Clear();
        // A teacher scores its events in journal order only if one hand-off is scored before the next is sent.
        _inFlight.Enqueue((cluster.PublishCheckedAsync(events), events));
        await SettleOldestAsync();
    }

    /// <summary>An event the grains refuse again (as they did the first time) leaves the duplicates window, as it did then.</summary>
    private async Task SettleOldestAsync()
    {
        var (scoring, events) = _inFlight.Dequeue();
        var result = await scoring;
        foreach (var rejection in result.Rejections)
        {
            ids.Forget(events[rejection.Index].Event);
            Refused++;
        }
    }
}
