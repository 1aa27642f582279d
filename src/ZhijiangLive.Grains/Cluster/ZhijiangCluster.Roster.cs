using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Schools;
using ZhijiangLive.Grains.Teachers;

namespace ZhijiangLive.Grains.Cluster;

public sealed partial class ZhijiangCluster
{
    // Upserts are serialised so that the directory and what the grains were told agree.
    private readonly SemaphoreSlim _rosterGate = new(1, 1);

    /// <summary>
    /// Takes a roster batch: regions parents first (whatever order the batch lists them in), then schools,
    /// then teachers. Every grain has its entry, and every registration and teacher count has reached the
    /// province, when this completes.
    /// </summary>
    public async Task<RosterResult> UpsertRosterAsync(RosterBatch batch)
    {
        await _rosterGate.WaitAsync().ConfigureAwait(false);
        try
        {
            var rejections = new List<RosterRejection>();
            var regions = 0;
            foreach (var (entry, index) in batch.Regions.Select((e, i) => (e, i)).OrderBy(p => p.e.Level))
            {
                if (RosterValidator.Problem(entry, Roster) is { } problem)
                {
                    rejections.Add(new RosterRejection("region", index, entry.Id ?? "", problem));
                    continue;
                }
                Roster.Put(entry);
                await grains.GetGrain<IRegionGrain>(entry.Id).UpsertAsync(entry).ConfigureAwait(false);
                regions++;
            }
            var schools = Accept(batch.Schools, "school", RosterValidator.Problem, Roster.Put, rejections);
            await Waves.SendAsync(LastOfEach(schools, s => s.Id), s => grains.GetGrain<ISchoolGrain>(s.Id).UpsertAsync(s)).ConfigureAwait(false);
            var teachers = Accept(batch.Teachers, "teacher", RosterValidator.Problem, Roster.Put, rejections);
            // A teacher restored with this very entry has it already (as when a restart applies the roster
            // snapshot): its grain stays asleep, and its school hears it from AnnounceAllTeachersAsync.
            var changed = LastOfEach(teachers, t => t.Id).Where(t => !Services.RestoredTeachers.Holds(t));
            await Waves.SendAsync(changed, t => grains.GetGrain<ITeacherGrain>(t.Id).UpsertAsync(t)).ConfigureAwait(false);
            // Roster changes are rare and a reader expects them counted at once: no forward window holds them.
            await FlushAsync().ConfigureAwait(false);
            return new RosterResult(regions, schools.Count, teachers.Count, rejections);
        }
        finally
        {
            _rosterGate.Release();
        }
    }

    private List<TEntry> Accept<TEntry>(
        IReadOnlyList<TEntry> entries,
        string kind,
        Func<TEntry, RosterDirectory, string?> problemOf,
        Action<TEntry> remember,
        List<RosterRejection> rejections)
    {
        var taken = new List<TEntry>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (problemOf(entry, Roster) is { } problem)
            {
                rejections.Add(new RosterRejection(kind, i, IdOf(entry), problem));
                continue;
            }
            remember(entry);
            taken.Add(entry);
        }
        return taken;
    }

    // The calls of a wave run side by side: a member listed twice gets only its last entry, which is where it ends up.
    private static IEnumerable<TEntry> LastOfEach<TEntry>(List<TEntry> entries, Func<TEntry, string> idOf)
    {
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            last[idOf(entries[i])] = i;
        }
        return last.Count == entries.Count ? entries : entries.Where((e, i) => last[idOf(e)] == i);
    }

    private static string IdOf<TEntry>(TEntry entry) => entry switch
    {
        SchoolEntry s => s.Id ?? "",
        TeacherEntry t => t.Id ?? "",
        _ => "",
    };
}
