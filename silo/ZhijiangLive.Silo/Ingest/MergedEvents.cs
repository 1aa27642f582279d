using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Scoring;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Storage;
using Domain = ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Silo.Ingest;

/// <summary>
/// The events of several calls taken as one group: which of them pass the cluster's checks (and so are
/// journaled and scored), and how the group's outcome splits back into one result per call.
/// </summary>
internal sealed class MergedEvents
{
    private readonly List<EventWork> _calls;
    private readonly IngestEvent[] _events;
    private readonly EventRejection?[] _refused;
    private readonly List<int> _passedIndexes;

    public MergedEvents(List<EventWork> calls, ZhijiangCluster cluster, DateTimeOffset acceptedAt)
    {
        _calls = [.. calls];
        _events = calls.SelectMany(c => c.Events).ToArray();
        _refused = new EventRejection?[_events.Length];
        _passedIndexes = new List<int>(_events.Length);
        Passed = new List<Domain.ActivityEvent>(_events.Length);
        AcceptedAt = acceptedAt;
        for (var i = 0; i < _events.Length; i++)
        {
            var activity = _events[i].Event;
            var (reason, detail) = cluster.Precheck(activity, acceptedAt);
            if (reason == RejectionReason.None)
            {
                Passed.Add(activity);
                _passedIndexes.Add(i);
            }
            else
            {
                _refused[i] = new EventRejection(i, activity.EventId ?? "", reason, detail);
            }
        }
    }

    public DateTimeOffset AcceptedAt { get; }

    /// <summary>The events that passed the checks, in order: what is journaled and handed to the grains.</summary>
    public List<Domain.ActivityEvent> Passed { get; }

    public List<JournalRecord> ToRecords(long firstPosition)
    {
        var records = new List<JournalRecord>(_passedIndexes.Count);
        foreach (var index in _passedIndexes)
        {
            var (activity, payload) = _events[index];
            records.Add(new JournalRecord(firstPosition + records.Count, JournalKind.Event, activity.EventId,
                activity.OccurredAt, AcceptedAt, payload));
        }
        return records;
    }

    /// <summary>The events that passed, with their acceptance and the positions from <paramref name="firstPosition"/> (0: none).</summary>
    public List<AcceptedEvent> Accepted(long firstPosition) =>
        [.. Passed.Select((e, i) => new AcceptedEvent(e, AcceptedAt, firstPosition == 0 ? 0 : firstPosition + i))];

    /// <summary>The refused events leave the duplicates window, so that a corrected retry is taken.</summary>
    public void ForgetRefused(EventIdWindow ids)
    {
        for (var i = 0; i < _events.Length; i++)
        {
            if (_refused[i] is not null)
            {
                ids.Forget(_events[i].Event);
            }
        }
    }

    /// <summary>Gives every call its own result once the grains have scored the group.</summary>
    public void Complete(Task<PublishResult> scoring)
    {
        if (!scoring.IsCompletedSuccessfully)
        {
            var error = scoring.Exception?.InnerException ?? new TaskCanceledException();
            _calls.ForEach(call => call.Fail(error));
            return;
        }
        foreach (var rejection in scoring.Result.Rejections)
        {
            var index = _passedIndexes[rejection.Index];
            _refused[index] = rejection with { Index = index };
        }
        var offset = 0;
        foreach (var call in _calls)
        {
            var own = new List<EventRejection>();
            for (var i = 0; i < call.Events.Count; i++)
            {
                if (_refused[offset + i] is { } refused)
                {
                    own.Add(refused with { Index = i });
                }
            }
            call.Result.TrySetResult(new PublishResult(call.Events.Count - own.Count, own, []));
            offset += call.Events.Count;
        }
    }
}
