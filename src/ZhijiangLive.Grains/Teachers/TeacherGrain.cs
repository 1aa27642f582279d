using Orleans;
using Orleans.Placement;
using Orleans.Runtime;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Evaluations;
using ZhijiangLive.Grains.Forwarding;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Snapshots;
using ZhijiangLive.Grains.Storage;
using ZhijiangLive.Scoring;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// The teacher grain: a shell around <see cref="TeacherCore"/>. Its reports wait in the silo's
/// <see cref="SchoolOutbox"/>, which sends each school its teachers' reports as one call. Its state is in
/// Orleans grain storage (<see cref="SnapshotGrainStorage"/>), written by the snapshot rounds
/// (<see cref="SaveAsync"/>) and when the grain is deactivated, never per event: the journal holds every
/// event since. Kept alive, so that a province's teachers are not read back one by one. Placed at random: a
/// burst of activations (a roster upsert, a cold start's first events) would otherwise go where the load
/// statistics pointed when it began, all on one silo.
/// </summary>
[KeepAlive, RandomPlacement]
public sealed class TeacherGrain(
    GrainServices services,
    SchoolOutbox outbox,
    [PersistentState(TeacherRecord.StateName, SnapshotGrainStorage.Name)] IPersistentState<TeacherRecord> stored) : Grain, ITeacherGrain
{
    // The reports one call makes, posted before the call returns. One list per thread, not per grain: a list kept
    // by each of 600,000 teachers held an array of four reports apiece, 230 MB in all, for a call or two a day.
    [ThreadStatic] private static List<TeacherChange>? t_reports;

    private TeacherCore _core = null!;
    private bool _listedAsChanged;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        stored.State.State ??= new TeacherGrainState(id);
        _core = new TeacherCore(id, stored.State.State, services);
        services.Active.TeacherActivated();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        services.Active.TeacherDeactivated();
        if (_core.State.Marks.Dirty)
        {
            await SaveAsync(0);
        }
    }

    public async Task<bool> SaveAsync(long cut)
    {
        _listedAsChanged = false;
        if (!_core.State.Marks.Dirty)
        {
            return false;
        }
        _core.State.Marks.Take(cut);
        try
        {
            await stored.WriteStateAsync();
            return true;
        }
        catch
        {
            // Still to be written: the next round asks this teacher again.
            _core.State.Marks.Dirty = true;
            ListIfChanged();
            throw;
        }
    }

    public Task<TeacherOutcomes> PublishAsync(TeacherEvents events)
    {
        if (events.Previous != 0 && !_core.State.Marks.Includes(events.Previous))
        {
            return Task.FromResult(TeacherOutcomes.BehindAt(_core.State.Marks.Holds));
        }
        var outcomes = new ScoreOutcome[events.Events.Length];
        var reports = Reports();
        try
        {
            for (var i = 0; i < outcomes.Length; i++)
            {
                var (activity, position, acceptedAt) = events.Events[i];
                outcomes[i] = _core.Publish(activity, acceptedAt, position, reports);
            }
            ListIfChanged();
        }
        finally
        {
            outbox.Post(reports);
        }
        return Task.FromResult(new TeacherOutcomes(outcomes));
    }

    public Task UpsertAsync(TeacherEntry entry)
    {
        var reports = Reports();
        try
        {
            _core.Upsert(entry, reports);
            ListIfChanged();
        }
        finally
        {
            outbox.Post(reports);
        }
        return Task.CompletedTask;
    }

    public Task RegisterAsync(CandidateRegistration[] registrations)
    {
        _core.Register(registrations);
        ListIfChanged();
        return Task.CompletedTask;
    }

    public Task<long[]> MeasuredAsync(string rubricId, int year) => Task.FromResult(_core.Measured(rubricId, year));

    public Task AnnounceAsync()
    {
        var reports = Reports();
        try
        {
            _core.Announce(reports);
        }
        finally
        {
            outbox.Post(reports);
        }
        return Task.CompletedTask;
    }

    public Task<TeacherSnapshot?> TakeSnapshotAsync(long cut)
    {
        _listedAsChanged = false;
        return Task.FromResult(_core.TakeSnapshot(cut));
    }

    public Task<TeacherView?> GetAsync(DateOnly date) => Task.FromResult(_core.Get(date));

    public Task<LedgerDay?> ExplainAsync(DateOnly date) => Task.FromResult(_core.Explain(date));

    /// <summary>
    /// This thread's list for a call's reports, which the call posts before it returns. Emptied here as well, so
    /// that a post that failed halfway cannot hand one teacher's reports to the next call on the thread.
    /// </summary>
    private static List<TeacherChange> Reports()
    {
        var reports = t_reports ??= [];
        reports.Clear();
        return reports;
    }

    private void ListIfChanged()
    {
        if (!_listedAsChanged && _core.State.Marks.Dirty)
        {
            services.ChangedTeachers.Add(this.GetPrimaryKeyString());
            _listedAsChanged = true;
        }
    }
}
