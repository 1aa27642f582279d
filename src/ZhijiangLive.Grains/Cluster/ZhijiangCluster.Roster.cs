using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Runtime;
using ZhijiangLive.Grains.Schools;
using ZhijiangLive.Grains.Teachers;

namespace ZhijiangLive.Grains.Cluster;

public sealed partial class ZhijiangCluster
{
    // Upserts are serialised so that the directory and the order of grain messages agree.
    private readonly SemaphoreSlim _rosterGate = new(1, 1);

    public async Task<RosterResult> UpsertRosterAsync(RosterBatch batch)
    {
        await _rosterGate.WaitAsync().ConfigureAwait(false);
        try
        {
            var rejections = new List<RosterRejection>();
            var regions = 0;
            // Parents first, whatever order the batch lists them in.
            foreach (var (entry, index) in batch.Regions.Select((e, i) => (e, i)).OrderBy(p => p.e.Level))
            {
                if (RosterValidator.Problem(entry, Roster) is { } problem)
                {
                    rejections.Add(new RosterRejection("region", index, entry.Id ?? "", problem));
                    continue;
                }
                Roster.Put(entry);
                Runtime.Tell<StandInRegionGrain>(new GrainId(StandInRegionGrain.Kind, entry.Id), g => g.Upsert(entry));
                regions++;
            }
            var schools = Apply(batch.Schools, "school", RosterValidator.Problem, Roster.Put,
                entry => Runtime.Tell<StandInSchoolGrain>(new GrainId(StandInSchoolGrain.Kind, entry.Id), g => g.Upsert(entry)), rejections);
            var teachers = Apply(batch.Teachers, "teacher", RosterValidator.Problem, Roster.Put,
                entry => Runtime.Tell<StandInTeacherGrain>(new GrainId(StandInTeacherGrain.Kind, entry.Id), g => g.Upsert(entry)), rejections);
            return new RosterResult(regions, schools, teachers, rejections);
        }
        finally
        {
            _rosterGate.Release();
        }
    }

    private int Apply<TEntry>(
        IReadOnlyList<TEntry> entries,
        string kind,
        Func<TEntry, RosterDirectory, string?> problemOf,
        Action<TEntry> remember,
        Action<TEntry> send,
        List<RosterRejection> rejections)
    {
        var taken = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (problemOf(entry, Roster) is { } problem)
            {
                rejections.Add(new RosterRejection(kind, i, IdOf(entry), problem));
                continue;
            }
            remember(entry);
            send(entry);
            taken++;
        }
        return taken;
    }

    private static string IdOf<TEntry>(TEntry entry) => entry switch
    {
        SchoolEntry s => s.Id ?? "",
        TeacherEntry t => t.Id ?? "",
        _ => "",
    };
}
