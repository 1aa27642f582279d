using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Scoring;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Silo.Mapping;
using ZhijiangLive.Storage;
using V1 = ZhijiangLive.Contracts.V1;
using Domain = ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Silo.Ingest;

/// <summary>
/// The one order in which work is accepted. Calls that arrive while a group is being journaled wait
/// together and become the next group: one append (group commit) for all their events, then one hand-off
/// to the grains. Journal order is therefore acceptance order, which is what replay reproduces. Nothing is
/// acknowledged before its append committed; while the journal cannot be reached, calls fail at once
/// with <see cref="NotDurableException"/> and the failed group is appended again until it is durable.
/// </summary>
public sealed partial class IngestSequencer(
    ZhijiangCluster cluster, JournalWriter journal, EventIdWindow ids, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<IngestSequencer> logger)
{
    private readonly Lock _lock = new();
    private List<IngestWork> _pending = [];
    private TaskCompletionSource _pendingDurable = NewBarrier();
    private Task _inFlightDurable = Task.CompletedTask;
    private bool _running;
    private volatile string? _unavailable;

    // The grains score while the next groups are journaled, but one hand-off at a time: a teacher's calls
    // could otherwise overtake each other, and its scores would follow another order than the journal's.
    private readonly ScoringQueue _scoring = new(cluster);

    /// <summary>False while the journal is unreachable, or for good once another silo took it: new work is refused rather than left waiting.</summary>
    public bool Available => _unavailable is null;

    /// <summary>Why work is refused while <see cref="Available"/> is false.</summary>
    public string? Unavailable => _unavailable;

    public Task<PublishResult> PublishAsync(IReadOnlyList<IngestEvent> events)
    {
        var work = new EventWork(events);
        Enqueue(work);
        return work.Result.Task;
    }

    public Task<RosterResult> UpsertRosterAsync(V1.RosterBatch batch)
    {
        var work = new RosterWork(batch);
        Enqueue(work);
        return work.Result.Task;
    }

    /// <summary>
    /// Takes a snapshot cut in the ingest order: <paramref name="cut"/> runs between two groups, with the
    /// journal's last position, when everything journaled so far has been handed to the grains and nothing
    /// after it has.
    /// </summary>
    public Task<T> AtCutAsync<T>(Func<long, T> cut)
    {
        var work = new CutWork<T>(cut);
        Enqueue(work);
        return work.Result.Task;
    }

    /// <summary>
    /// Runs <paramref name="work"/> at a point of the ingest order, once the grains have every group handed before
    /// it, and hands them nothing more until it completes.
    /// </summary>
    public Task HoldAsync(Func<Task> work)
    {
        var hold = new HoldWork(work);
        Enqueue(hold);
        return hold.Result.Task;
    }

    /// <summary>
    /// Completes when everything taken so far is durable, and fails if some of it could not be journaled: a
    /// duplicate is acknowledged only once the event it repeats is on disk.
    /// </summary>
    public Task DurableBarrier()
    {
        lock (_lock)
        {
            return _pending.Count > 0 ? _pendingDurable.Task : _inFlightDurable;
        }
    }

    private void Enqueue(IngestWork work)
    {
        if (_unavailable is { } reason)
        {
            work.Fail(new NotDurableException(reason, inDoubt: false));
            return;
        }
        bool start;
        lock (_lock)
        {
            // Checked under the lock, so that nothing joins the queue after CloseAsync took its barrier.
            if (_closing && work is not (ICutWork or HoldWork))
            {
                work.Fail(new NotDurableException(ShuttingDown, inDoubt: false));
                return;
            }
            _pending.Add(work);
            start = !_running;
            _running = true;
        }
        if (start)
        {
            _ = Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            List<IngestWork> group;
            TaskCompletionSource durable;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    _running = false;
                    return;
                }
                (group, _pending) = (_pending, []);
                (durable, _pendingDurable) = (_pendingDurable, NewBarrier());
                _inFlightDurable = durable.Task;
            }
            try
            {
                await ProcessAsync(group);
                durable.TrySetResult();
            }
            catch (Exception error)
            {
                durable.TrySetException(error);
            }
        }
    }

    private async Task ProcessAsync(List<IngestWork> group)
    {
        var run = new List<EventWork>();
        foreach (var work in group)
        {
            if (work is EventWork events)
            {
                run.Add(events);
                continue;
            }
            await ProcessEventsAsync(run);
            run.Clear();
            if (work is RosterWork roster)
            {
                await ProcessRosterAsync(roster);
            }
            else if (work is HoldWork hold)
            {
                await _scoring.IdleAsync();
                await hold.RunAsync();
            }
            else
            {
                // A snapshot's cut holds every journaled event: the grains must have them all first.
                await _scoring.IdleAsync();
                ((ICutWork)work).Run(journal.LastPosition);
            }
        }
        await ProcessEventsAsync(run);
    }

    private async Task ProcessEventsAsync(List<EventWork> run)
    {
        if (run.Count == 0)
        {
            return;
        }
        var at = time.GetUtcNow();
        var merged = new MergedEvents(run, cluster, at);
        var records = merged.ToRecords(journal.Reserve(merged.Passed.Count));
        try
        {
            if (records.Count > 0)
            {
                await journal.AppendAsync(records);
            }
        }
        catch (Exception error)
        {
            merged.ForgetRefused(ids);
            if (await SurviveAsync(run, records, error) && records.Count > 0)
            {
                Release(await _scoring.EnqueueAsync(merged.Accepted(records[0].Position)), merged.Passed);
            }
            throw;
        }
        // Not awaited: the grains score this group while the next ones are journaled.
        var scoring = _scoring.EnqueueAsync(merged.Accepted(records.Count > 0 ? records[0].Position : 0));
        _ = scoring.ContinueWith(static (done, state) => ((MergedEvents)state!).Complete(done), merged,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task ProcessRosterAsync(RosterWork work)
    {
        var at = time.GetUtcNow();
        JournalRecord[] record = [new(journal.Reserve(1), JournalKind.Roster, null, at, at, JournalPayloads.Roster(work.Batch))];
        try
        {
            await journal.AppendAsync(record);
        }
        catch (Exception error)
        {
            if (await SurviveAsync([work], record, error))
            {
                await _scoring.IdleAsync();
                await cluster.UpsertRosterAsync(RosterMapping.ToDomain(work.Batch), record[0].Position);
            }
            throw;
        }
        await _scoring.IdleAsync();
        try
        {
            work.Result.TrySetResult(await cluster.UpsertRosterAsync(RosterMapping.ToDomain(work.Batch), record[0].Position));
        }
        catch (Exception error)
        {
            work.Fail(error);
        }
    }

    /// <summary>
    /// Fails the group and everything waiting behind it, refuses new work, and appends the group again until
    /// the journal has it: its callers were told UNAVAILABLE, but the append may have landed, so the only
    /// safe outcome left is that it does. Answers whether the group is in the journal; it is not when another
    /// silo took the journal, and then this silo refuses work for good.
    /// </summary>
    private async Task<bool> SurviveAsync(IEnumerable<IngestWork> failed, IReadOnlyList<JournalRecord> records, Exception error)
    {
        var fenced = error as JournalFencedException;
        var reason = fenced is not null ? LostJournal(fenced) : $"the {journal.Store.Name} journal is unavailable: {error.Message}";
        _unavailable = reason;
        AvailabilityChanged?.Invoke();
        logger.LogError("Ingest refuses work until the journal is back: {Reason}", reason);
        // A fenced append wrote nothing: its work is refused outright, not left in doubt.
        var inDoubt = records.Count > 0 && fenced is null;
        foreach (var work in failed)
        {
            work.Fail(new NotDurableException(reason, inDoubt, error));
        }
        List<IngestWork> waiting;
        TaskCompletionSource waitingDurable;
        lock (_lock)
        {
            (waiting, _pending) = (_pending, []);
            (waitingDurable, _pendingDurable) = (_pendingDurable, NewBarrier());
        }
        waitingDurable.TrySetException(new NotDurableException(reason, inDoubt: false));
        foreach (var work in waiting)
        {
            work.Fail(new NotDurableException(reason, inDoubt: false));
        }
        if (fenced is not null)
        {
            return false;
        }
        if (inDoubt)
        {
            try
            {
                await journal.AppendUntilDurableAsync(records, lifetime.ApplicationStopping);
            }
            catch (JournalFencedException lost)
            {
                _unavailable = LostJournal(lost);
                AvailabilityChanged?.Invoke();
                return await journal.ContainsAllAsync(records);
            }
        }
        _unavailable = null;
        AvailabilityChanged?.Invoke();
        logger.LogInformation("The {Store} journal is reachable again; ingest resumes", journal.Store.Name);
        return inDoubt;
    }

    /// <summary>True once another silo took the journal: this one refuses work for good.</summary>
    public bool LostTheJournal { get; private set; }

    private string LostJournal(JournalFencedException fenced)
    {
        LostTheJournal = true;
        var reason = $"this silo no longer writes the journal: {fenced.Message}";
        logger.LogCritical("Ingest refuses all work from now on: {Reason}", reason);
        return reason;
    }

    /// <summary>An event the grains refused after it was journaled leaves the duplicates window, as in a reply.</summary>
    private void Release(PublishResult result, IReadOnlyList<Domain.ActivityEvent> scored)
    {
        foreach (var rejection in result.Rejections)
        {
            ids.Forget(scored[rejection.Index]);
        }
    }

    private static TaskCompletionSource NewBarrier() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
