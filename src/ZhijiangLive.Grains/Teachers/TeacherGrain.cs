using Orleans;
using Orleans.Runtime;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Forwarding;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Snapshots;
using ZhijiangLive.Scoring;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// The teacher grain: a shell around <see cref="TeacherCore"/>. Its reports wait in the silo's
/// <see cref="SchoolOutbox"/>, which sends each school its teachers' reports as one call. Kept alive: its state lives in memory and in the snapshot rounds, not in grain storage.
/// </summary>
[KeepAlive]
public sealed class TeacherGrain(GrainServices services, SchoolOutbox outbox) : Grain, ITeacherGrain
{
    private readonly List<TeacherChange> _reports = [];
    private TeacherCore _core = null!;
    private bool _listedAsChanged;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        _core = new TeacherCore(id, services.RestoredTeachers.Take(id) ?? new TeacherGrainState(id), services);
        services.Active.TeacherActivated();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        services.Active.TeacherDeactivated();
        if (services.ParkedSnapshots is { } parked && _core.TakeSnapshot(0) is { } snapshot)
        {
            parked.Park(snapshot);
        }
        return Task.CompletedTask;
    }

    public Task<TeacherOutcomes> PublishAsync(TeacherEvents events)
    {
        var outcomes = new ScoreOutcome[events.Events.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            var (activity, position) = events.Events[i];
            outcomes[i] = _core.Publish(activity, events.AcceptedAt, position, _reports);
        }
        ListIfChanged();
        outbox.Post(_reports);
        return Task.FromResult(new TeacherOutcomes(outcomes));
    }

    public Task UpsertAsync(TeacherEntry entry)
    {
        _core.Upsert(entry, _reports);
        ListIfChanged();
        outbox.Post(_reports);
        return Task.CompletedTask;
    }

    public Task AnnounceAsync()
    {
        _core.Announce(_reports);
        outbox.Post(_reports);
        return Task.CompletedTask;
    }

    public Task<TeacherSnapshot?> TakeSnapshotAsync(long cut)
    {
        _listedAsChanged = false;
        return Task.FromResult(_core.TakeSnapshot(cut));
    }

    public Task<TeacherView?> GetAsync(DateOnly date) => Task.FromResult(_core.Get(date));

    public Task<LedgerDay?> ExplainAsync(DateOnly date) => Task.FromResult(_core.Explain(date));

    private void ListIfChanged()
    {
        if (!_listedAsChanged && _core.State.Marks.Dirty)
        {
            services.ChangedTeachers.Add(this.GetPrimaryKeyString());
            _listedAsChanged = true;
        }
    }
}
