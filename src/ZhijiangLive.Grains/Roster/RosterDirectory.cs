using System.Collections.Concurrent;
using ZhijiangLive.Grains.Evaluations;

namespace ZhijiangLive.Grains.Roster;

/// <summary>
/// The roster as last upserted, readable from any thread: ingest checks teachers against it before an
/// event is accepted, and queries take names from it. The grains hold the same entries as their state.
/// </summary>
public sealed class RosterDirectory
{
    private readonly ConcurrentDictionary<string, RegionEntry> _regions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SchoolEntry> _schools = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TeacherEntry> _teachers = new(StringComparer.Ordinal);

    public int RegionCount => _regions.Count;
    public int SchoolCount => _schools.Count;
    public int TeacherCount => _teachers.Count;

    public RegionEntry? Region(string id) => _regions.GetValueOrDefault(id);
    public SchoolEntry? School(string id) => _schools.GetValueOrDefault(id);
    public TeacherEntry? Teacher(string id) => _teachers.GetValueOrDefault(id);

    public IEnumerable<RegionEntry> Regions => _regions.Values;
    public IEnumerable<SchoolEntry> Schools => _schools.Values;
    public IEnumerable<TeacherEntry> Teachers => _teachers.Values;

    /// <summary>Candidates of the evaluation rubrics and their expert entries.</summary>
    public CandidateBook Candidates { get; } = new();

    /// <summary>Bumped by every change, so that a snapshot of the roster is taken only when there is something new.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    private long _changes;

    internal void Put(RegionEntry entry)
    {
        _regions[entry.Id] = entry;
        Interlocked.Increment(ref _changes);
    }

    internal void Put(SchoolEntry entry)
    {
        _schools[entry.Id] = entry;
        Interlocked.Increment(ref _changes);
    }

    internal void Put(TeacherEntry entry)
    {
        _teachers[entry.Id] = entry;
        Interlocked.Increment(ref _changes);
    }

    internal void Put(CandidateRegistration registration)
    {
        Candidates.Put(registration);
        Interlocked.Increment(ref _changes);
    }

    internal void Put(ExpertScore score)
    {
        Candidates.Put(score);
        Interlocked.Increment(ref _changes);
    }

    /// <summary>A display name for any member of the tree, or its id when unknown.</summary>
    public string NameOf(string id) =>
        _teachers.TryGetValue(id, out var t) ? t.Name
        : _schools.TryGetValue(id, out var s) ? s.Name
        : _regions.TryGetValue(id, out var r) ? r.Name
        : id;
}
