using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Silo.Ingest;
using ZhijiangLive.Storage;
using Domain = ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Silo.Durability;

/// <summary>
/// Feeds journal records back through the cluster exactly as they were first taken: events of one group
/// (one acceptance instant) together, roster changes in their place between them. The duplicates window
/// learns every replayed id, so a retry after the restart is still a duplicate.
/// </summary>
public sealed class JournalReplay(ZhijiangCluster cluster, EventIdWindow ids)
{
    private readonly List<Domain.ActivityEvent> _group = [];
    private readonly Queue<(Task<PublishResult> Scoring, List<Domain.ActivityEvent> Events)> _inFlight = new();
    private DateTimeOffset _groupAcceptedAt;
    private long _groupFirstPosition;

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
            await cluster.UpsertRosterAsync(JournalPayloads.ToRoster(record));
            RosterChanges++;
            return;
        }
        // A group's events have consecutive positions: the grains learn each one's position from the first.
        if (_group.Count > 0 && (record.AcceptedAt != _groupAcceptedAt || record.Position != _groupFirstPosition + _group.Count))
        {
            await FlushGroupAsync();
        }
        var activity = JournalPayloads.ToEvent(record);
        ids.TryClaim(activity);
        if (_group.Count == 0)
        {
            _groupAcceptedAt = record.AcceptedAt;
            _groupFirstPosition = record.Position;
        }
        _group.Add(activity);
        Events++;
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
        // A teacher scores its events in journal order only if one group is scored before the next is sent.
        _inFlight.Enqueue((cluster.PublishAsync(events, _groupAcceptedAt, _groupFirstPosition), events));
        await SettleOldestAsync();
    }

    /// <summary>An event the grains refuse again (as they did the first time) leaves the duplicates window, as it did then.</summary>
    private async Task SettleOldestAsync()
    {
        var (scoring, events) = _inFlight.Dequeue();
        var result = await scoring;
        foreach (var rejection in result.Rejections)
        {
            ids.Forget(events[rejection.Index]);
            Refused++;
        }
    }
}
