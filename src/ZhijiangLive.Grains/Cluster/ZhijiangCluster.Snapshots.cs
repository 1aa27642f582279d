using System.Collections.Concurrent;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Schools;
using ZhijiangLive.Grains.Snapshots;
using ZhijiangLive.Grains.Teachers;

namespace ZhijiangLive.Grains.Cluster;

/// <summary>
/// Snapshots of grains for durable storage: teachers' states, and the closed periods of schools and regions.
/// Their live figures are sums of their teachers' reports, rebuilt at start-up by <see cref="AnnounceAllTeachersAsync"/>.
/// </summary>
public sealed partial class ZhijiangCluster
{
    /// <summary>From now on deactivated schools and regions keep their history's snapshot for the next round.</summary>
    public void EnableSnapshots() => Services.ParkedSnapshots ??= new ParkedSnapshots();

    /// <summary>
    /// Every teacher changed since its state was last written writes it to grain storage as of
    /// <paramref name="cut"/>; returns how many wrote. Every event sent to the grains before this call is in
    /// what they write. The calls to wait for are noted before this first yields, so a caller that hands out
    /// events in order can take a cut between two hand-offs.
    /// </summary>
    public async Task<int> SaveChangedTeachersAsync(long cut)
    {
        await _inFlight.DrainAsync().ConfigureAwait(false);
        // A teacher lists itself where its grain lives, so every silo is asked for its own.
        var counts = await Task.WhenAll([SaveLocalChangedTeachersAsync(cut), .. OtherSilos().Select(s => AgentOf(s).SaveChangedTeachersAsync(cut))])
            .ConfigureAwait(false);
        return counts.Sum();
    }

    /// <summary>
    /// The teachers changed since their last snapshot, as of <paramref name="cut"/>, as snapshots rather than
    /// written to grain storage (a rebuild writes them into another store). Every event sent to the grains
    /// before this call is in what it returns.
    /// </summary>
    public async Task<List<TeacherSnapshot>> CaptureTeachersAsync(long cut)
    {
        await _inFlight.DrainAsync().ConfigureAwait(false);
        var taken = new ConcurrentBag<TeacherSnapshot>();
        await Waves.SendAsync(Services.ChangedTeachers.TakeAll(), async id =>
        {
            if (await references.Teacher(id).TakeSnapshotAsync(cut).ConfigureAwait(false) is { } snapshot)
            {
                taken.Add(snapshot);
            }
        }).ConfigureAwait(false);
        return [.. taken];
    }

    /// <summary>
    /// The regions' published rankings that changed since their last snapshot, once the
    /// reports of everything sent before this call have reached the schools.
    /// </summary>
    public async Task<List<GroupHistorySnapshot>> CaptureGroupHistoriesAsync()
    {
        await _inFlight.DrainAsync().ConfigureAwait(false);
        await FlushOutboxesAsync().ConfigureAwait(false);
        var taken = new ConcurrentBag<GroupHistorySnapshot>();
        await Waves.SendAsync(Roster.Regions.ToList(), async r =>
            Add(await references.Region(r.Id).TakeHistorySnapshotAsync().ConfigureAwait(false))).ConfigureAwait(false);
        IEnumerable<GroupHistorySnapshot> all = taken;
        if (Services.ParkedSnapshots is { } parked)
        {
            all = all.Concat(parked.TakeAllHistories());
        }
        return all.GroupBy(s => (s.Kind, s.Key)).Select(g => g.MaxBy(s => s.Version)!).ToList();

        void Add(GroupHistorySnapshot? snapshot)
        {
            if (snapshot is not null)
            {
                taken.Add(snapshot);
            }
        }
    }

    /// <summary>Gives a school or region back the history a snapshot holds (after the roster, before teachers announce).</summary>
    public Task RestoreGroupHistoryAsync(GroupHistorySnapshot snapshot) => snapshot.Kind switch
    {
        // Written by builds whose schools kept closed periods' figures; schools now recount them from their teachers.
        SchoolCore.Kind => Task.CompletedTask,
        RegionCore.Kind => references.Region(snapshot.Key).RestoreHistoryAsync(snapshot),
        _ => throw new InvalidDataException($"no grain kind '{snapshot.Kind}' keeps a history"),
    };

    /// <summary>
    /// Holds back monthly publications on every silo until <see cref="ResumePublicationAsync"/>: call before
    /// restoring anything, as a region must not publish a month while some of its teachers are not back.
    /// </summary>
    public Task PausePublicationAsync() => SetPublicationPausedAsync(true);

    /// <summary>Lets regions publish again, once the figures have every teacher and every replayed event.</summary>
    public Task ResumePublicationAsync() => SetPublicationPausedAsync(false);

    private Task SetPublicationPausedAsync(bool paused)
    {
        SetLocalPublicationPaused(paused);
        return OnEverySiloAsync(OtherSilos(), agent => agent.SetPublicationPausedAsync(paused), paused ? "pause publication" : "resume publication");
    }

    internal void SetLocalPublicationPaused(bool paused) => Services.PublicationPaused = paused;

    /// <summary>Puts a teacher's snapshot where its grain will find it on activation. Call before the grain is first used.</summary>
    public void RestoreTeacher(TeacherSnapshot snapshot)
    {
        var state = TeacherGrainStateCodec.Deserialize(snapshot.TeacherId, snapshot.State, Services.LedgerNotes);
        state.Marks.Restore(snapshot.Version, snapshot.Covered);
        Services.RestoredTeachers.Put(state);
    }

    /// <summary>
    /// Every teacher on the roster tells its school its standing again (after a restart); the schools have it
    /// when this completes. A teacher whose grain has not woken since its state was restored is announced
    /// from that state, without activating it: a restart costs a call per school, not one per teacher.
    /// Call before anything else reaches the teachers, as the restored states are read here unguarded.
    /// </summary>
    public async Task AnnounceAllTeachersAsync()
    {
        var reports = new List<TeacherChange>();
        foreach (var state in Services.RestoredTeachers.Waiting)
        {
            new TeacherCore(state.Scores.TeacherId, state, Services).Announce(reports);
        }
        outbox.Post(reports);
        var awake = Roster.Teachers.Select(t => t.Id).Where(id => !Services.RestoredTeachers.Contains(id)).ToList();
        await Waves.SendAsync(awake, id => references.Teacher(id).AnnounceAsync()).ConfigureAwait(false);
        await FlushOutboxesAsync().ConfigureAwait(false);
    }
}
