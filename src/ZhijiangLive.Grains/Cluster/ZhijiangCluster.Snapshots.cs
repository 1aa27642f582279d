using System.Collections.Concurrent;
using ZhijiangLive.Grains.Runtime;
using ZhijiangLive.Grains.Snapshots;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Schools;
using ZhijiangLive.Grains.Teachers;

namespace ZhijiangLive.Grains.Cluster;

/// <summary>
/// Snapshots of teacher grains for durable storage. Only teachers are written: schools and regions are sums
/// of their teachers' reports, rebuilt at start-up by <see cref="AnnounceAllTeachers"/>.
/// </summary>
public sealed partial class ZhijiangCluster
{
    /// <summary>From now on teachers deactivated with unsaved changes keep their snapshot for the next round.</summary>
    public void EnableSnapshots() => Services.ParkedSnapshots ??= new ParkedSnapshots();

    /// <summary>
    /// The teachers changed since their last snapshot, as of <paramref name="cut"/>: every event sent to the
    /// grains before this call is in what it returns. The visits are posted before the first await, so a
    /// caller that hands out events in order can take a cut between two hand-offs.
    /// </summary>
    public async Task<List<TeacherSnapshot>> CaptureTeachersAsync(long cut)
    {
        var taken = new ConcurrentBag<TeacherSnapshot>();
        await Runtime.VisitActiveAsync<StandInTeacherGrain>(teacher =>
        {
            if (teacher.TakeSnapshot(cut) is { } snapshot)
            {
                taken.Add(snapshot);
            }
        }).ConfigureAwait(false);
        IEnumerable<TeacherSnapshot> all = taken;
        if (Services.ParkedSnapshots is { } parked)
        {
            // A teacher parked when it went idle and since woken up is here twice: the newer version stands.
            all = all.Concat(parked.TakeAll());
        }
        return all.GroupBy(s => s.TeacherId).Select(g => g.MaxBy(s => s.Version)!).ToList();
    }

    /// <summary>The schools' and regions' closed-period histories that changed since their last snapshot.</summary>
    public async Task<List<GroupHistorySnapshot>> CaptureGroupHistoriesAsync()
    {
        var taken = new ConcurrentBag<GroupHistorySnapshot>();
        var schools = Runtime.VisitActiveAsync<StandInSchoolGrain>(school => Add(school.TakeHistorySnapshot()));
        var regions = Runtime.VisitActiveAsync<StandInRegionGrain>(region => Add(region.TakeHistorySnapshot()));
        await Task.WhenAll(schools, regions).ConfigureAwait(false);
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
        StandInSchoolGrain.Kind => Runtime.Ask<StandInSchoolGrain>(new GrainId(StandInSchoolGrain.Kind, snapshot.Key), g => g.RestoreHistory(snapshot)),
        StandInRegionGrain.Kind => Runtime.Ask<StandInRegionGrain>(new GrainId(StandInRegionGrain.Kind, snapshot.Key), g => g.RestoreHistory(snapshot)),
        _ => throw new InvalidDataException($"no grain kind '{snapshot.Kind}' keeps a history"),
    };

    /// <summary>Puts a teacher's snapshot where its grain will find it on activation. Call before the grain is first used.</summary>
    public void RestoreTeacher(TeacherSnapshot snapshot)
    {
        var state = TeacherGrainStateCodec.Deserialize(snapshot.TeacherId, snapshot.State, Services.LedgerNotes);
        state.Marks.Restore(snapshot.Version, snapshot.Covered);
        Runtime.Storage.Write(new GrainId(StandInTeacherGrain.Kind, snapshot.TeacherId), state);
    }

    /// <summary>Every teacher on the roster tells its school its standing again (after a restart).</summary>
    public void AnnounceAllTeachers()
    {
        var ids = Roster.Teachers.Select(t => t.Id).ToList();
        Runtime.TellMany<StandInTeacherGrain, string>(StandInTeacherGrain.Kind, ids, static id => id, static (teacher, _) => teacher.Announce());
    }
}
