using Orleans;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Schools;
using ZhijiangLive.Grains.Snapshots;
using ZhijiangLive.Scoring;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// The teacher grain on Orleans: a shell around <see cref="TeacherCore"/>, which also runs on the stand-in
/// runtime, so both score alike. The reports of a call go to each school they name as one call.
/// </summary>
public sealed class TeacherGrain(GrainServices services) : Grain, ITeacherGrain
{
    private readonly List<TeacherChange> _reports = [];
    private TeacherCore _core = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        _core = new TeacherCore(id, new TeacherGrainState(id), services);
        return Task.CompletedTask;
    }

    public async Task<ScoreOutcome[]> PublishAsync(TeacherEvents events)
    {
        var outcomes = new ScoreOutcome[events.Events.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            var (activity, position) = events.Events[i];
            outcomes[i] = _core.Publish(activity, events.AcceptedAt, position, _reports);
        }
        await SendReportsAsync();
        return outcomes;
    }

    public Task UpsertAsync(TeacherEntry entry)
    {
        _core.Upsert(entry, _reports);
        return SendReportsAsync();
    }

    public Task AnnounceAsync()
    {
        _core.Announce(_reports);
        return SendReportsAsync();
    }

    public Task<TeacherSnapshot?> TakeSnapshotAsync(long cut) => Task.FromResult(_core.TakeSnapshot(cut));

    public Task<TeacherView?> GetAsync(DateOnly date) => Task.FromResult(_core.Get(date));

    public Task<LedgerDay?> ExplainAsync(DateOnly date) => Task.FromResult(_core.Explain(date));

    // Most events change no score (caps), so most calls send nothing; a move sends to two schools.
    private Task SendReportsAsync()
    {
        if (_reports.Count == 0)
        {
            return Task.CompletedTask;
        }
        var first = _reports[0].SchoolId;
        Task sent = _reports.TrueForAll(r => r.SchoolId == first)
            ? GrainFactory.GetGrain<ISchoolGrain>(first).ReceiveAsync([.. _reports])
            : Task.WhenAll(_reports.GroupBy(r => r.SchoolId)
                .Select(school => GrainFactory.GetGrain<ISchoolGrain>(school.Key).ReceiveAsync([.. school])));
        _reports.Clear();
        return sent;
    }
}
