using Orleans.Runtime;
using ZhijiangLive.Grains.Evaluations;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Schools;
using ZhijiangLive.Grains.Silos;
using ZhijiangLive.Grains.Teachers;

namespace ZhijiangLive.Grains.Cluster;

public sealed partial class ZhijiangCluster
{
    // Upserts are serialised so that the directory and what the grains were told agree.
    private readonly SemaphoreSlim _rosterGate = new(1, 1);

    // The journal position of the last roster batch in the directory, and (until a silo that joins has
    // loaded the directory) the batches that other silos sent meanwhile.
    private long _rosterPosition;
    private List<RosterChange>? _rosterWaiting = [];
    private readonly HashSet<SiloAddress> _rosterFollowers = [];

    /// <summary>
    /// Takes a roster batch: regions parents first (whatever order the batch lists them in), then schools,
    /// then teachers. Every grain has its entry, every registration and teacher count has reached the
    /// province, and every other silo's directory has the batch, when this completes.
    /// <paramref name="position"/> is the batch's journal position (0 when it was not journaled).
    /// </summary>
    public async Task<RosterResult> UpsertRosterAsync(RosterBatch batch, long position = 0)
    {
        await _rosterGate.WaitAsync().ConfigureAwait(false);
        try
        {
            var rejections = new List<RosterRejection>();
            var (regions, schools, teachers, candidates, scores) = TakeIntoDirectory(batch, rejections);
            // One at a time, parents first: a new region registers with its parent's grain.
            foreach (var region in regions)
            {
                await references.Region(region.Id).UpsertAsync(region).ConfigureAwait(false);
            }
            await Waves.SendAsync(LastOfEach(schools, s => s.Id), s => references.School(s.Id).UpsertAsync(s)).ConfigureAwait(false);
            // A teacher restored with this very entry has it already (as when a restart applies the roster
            // snapshot): its grain stays asleep, and its school hears it from AnnounceAllTeachersAsync.
            var changed = LastOfEach(teachers, t => t.Id).Where(t => !Services.RestoredTeachers.Holds(t));
            await Waves.SendAsync(changed, t => references.Teacher(t.Id).UpsertAsync(t)).ConfigureAwait(false);
            // A candidate's grain starts (or stops) counting here, in the registration's place in the journal.
            await Waves.SendAsync(candidates.GroupBy(c => c.TeacherId),
                c => references.Teacher(c.Key).RegisterAsync([.. c])).ConfigureAwait(false);
            // Roster changes are rare and a reader expects them counted at once: no forward window holds them.
            await FlushAsync().ConfigureAwait(false);
            _rosterPosition = Math.Max(_rosterPosition, position);
            var change = RosterChange.Of(position, batch);
            await OnEverySiloAsync(RosterFollowers(), agent => agent.FollowRosterAsync(change), "take a roster change").ConfigureAwait(false);
            return new RosterResult(regions.Count, schools.Count, teachers.Count, rejections)
            {
                Candidates = candidates.Count,
                ExpertScores = scores.Count,
            };
        }
        finally
        {
            _rosterGate.Release();
        }
    }

    /// <summary>
    /// Applies a batch that the journal's silo took to this silo's directory only, with the same checks, so the
    /// same entries are taken. Before <see cref="LoadRosterAsync"/> the batch waits; one the directory is past is dropped.
    /// </summary>
    internal async Task FollowRosterAsync(RosterChange change)
    {
        await _rosterGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_rosterWaiting is { } waiting)
            {
                waiting.Add(change);
                return;
            }
            ApplyToDirectory(change);
        }
        finally
        {
            _rosterGate.Release();
        }
    }

    /// <summary>
    /// Starts this silo's directory from another silo's (<see cref="ISiloAgentGrain.RosterAsync"/>), then applies
    /// the batches that arrived meanwhile: how a silo that joins a running cluster learns the roster.
    /// </summary>
    public async Task LoadRosterAsync(RosterChange whole)
    {
        await _rosterGate.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (var region in whole.Regions.OrderBy(r => r.Level))
            {
                Roster.Put(region);
            }
            Array.ForEach(whole.Schools, Roster.Put);
            Array.ForEach(whole.Teachers, Roster.Put);
            Array.ForEach(whole.Candidates, Roster.Put);
            Array.ForEach(whole.ExpertScores, Roster.Put);
            _rosterPosition = Math.Max(_rosterPosition, whole.Position);
            var waiting = _rosterWaiting ?? [];
            _rosterWaiting = null;
            foreach (var change in waiting.OrderBy(c => c.Position))
            {
                ApplyToDirectory(change);
            }
        }
        finally
        {
            _rosterGate.Release();
        }
    }

    /// <summary>
    /// This silo's directory as one change, at the journal position it has reached, for a silo that joins; taken
    /// under the roster's gate with the follower's registration, so every later change reaches it.
    /// </summary>
    internal async Task<RosterChange> RosterForAsync(SiloAddress follower)
    {
        await _rosterGate.WaitAsync().ConfigureAwait(false);
        try
        {
            lock (_rosterFollowers)
            {
                _rosterFollowers.Add(follower);
            }
            return new(_rosterPosition, [.. Roster.Regions], [.. Roster.Schools], [.. Roster.Teachers],
                [.. Roster.Candidates.All.Select(c => c.Registration)], [.. Roster.Candidates.All.SelectMany(c => c.Expert.Values)]);
        }
        finally
        {
            _rosterGate.Release();
        }
    }

    /// <summary>The active silos this silo knows of, and those that asked for the roster since, unless known dead.</summary>
    private List<SiloAddress> RosterFollowers()
    {
        var snapshot = membership.CurrentSnapshot;
        lock (_rosterFollowers)
        {
            _rosterFollowers.RemoveWhere(s => snapshot.GetSiloStatus(s) == SiloStatus.Dead);
            return [.. OtherSilos().Union(_rosterFollowers).Where(s => !s.Equals(local.SiloAddress))];
        }
    }

    private void ApplyToDirectory(RosterChange change)
    {
        if (change.Position != 0 && change.Position <= _rosterPosition)
        {
            return;
        }
        TakeIntoDirectory(new RosterBatch(change.Regions, change.Schools, change.Teachers)
        {
            Candidates = change.Candidates,
            ExpertScores = change.ExpertScores,
        }, []);
        _rosterPosition = Math.Max(_rosterPosition, change.Position);
    }

    /// <summary>
    /// Puts every entry that passes its check into the directory, regions parents first (whatever order they are
    /// listed in), then schools, teachers, registrations and expert scores, and answers those taken; the others are
    /// listed in <paramref name="rejections"/>.
    /// </summary>
    private TakenEntries TakeIntoDirectory(RosterBatch batch, List<RosterRejection> rejections)
    {
        var takenRegions = new List<RegionEntry>(batch.Regions.Count);
        foreach (var (entry, index) in batch.Regions.Select((e, i) => (e, i)).OrderBy(p => p.e.Level))
        {
            if (RosterValidator.Problem(entry, Roster) is { } problem)
            {
                rejections.Add(new RosterRejection("region", index, entry.Id ?? "", problem));
                continue;
            }
            Roster.Put(entry);
            takenRegions.Add(entry);
        }
        var takenSchools = Accept(batch.Schools, "school", RosterValidator.Problem, Roster.Put, rejections);
        var takenTeachers = Accept(batch.Teachers, "teacher", RosterValidator.Problem, Roster.Put, rejections);
        var takenCandidates = Accept(batch.Candidates, "candidate",
            (c, directory) => EvaluationValidator.Problem(c, directory, Services.Rubrics), Roster.Put, rejections);
        var takenScores = Accept(batch.ExpertScores, "expert_score",
            (e, directory) => EvaluationValidator.Problem(e, directory, Services.Rubrics), Roster.Put, rejections);
        return new(takenRegions, takenSchools, takenTeachers, takenCandidates, takenScores);
    }

    private sealed record TakenEntries(List<RegionEntry> Regions, List<SchoolEntry> Schools, List<TeacherEntry> Teachers,
        List<CandidateRegistration> Candidates, List<ExpertScore> Scores);

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
        CandidateRegistration c => c.TeacherId ?? "",
        ExpertScore e => e.TeacherId ?? "",
        _ => "",
    };
}
