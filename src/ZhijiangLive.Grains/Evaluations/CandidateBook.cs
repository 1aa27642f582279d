using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace ZhijiangLive.Grains.Evaluations;

/// <summary>
/// Who is a candidate of which rubric and year, from when, and what experts entered for each: part of the
/// roster directory, so that every silo has it, roster snapshots keep it and the journal replays it in place.
/// </summary>
public sealed class CandidateBook
{
    private readonly ConcurrentDictionary<(string RubricId, int Year), ConcurrentDictionary<string, Candidate>> _byRubric = new();

    /// <summary>A registered candidate and its expert entries by item id.</summary>
    public sealed record Candidate(CandidateRegistration Registration, ImmutableDictionary<string, ExpertScore> Expert);

    public IReadOnlyCollection<Candidate> Of(string rubricId, int year) =>
        _byRubric.TryGetValue((rubricId, year), out var candidates) ? (IReadOnlyCollection<Candidate>)candidates.Values.ToList() : [];

    public Candidate? Find(string rubricId, int year, string teacherId) =>
        _byRubric.TryGetValue((rubricId, year), out var candidates) ? candidates.GetValueOrDefault(teacherId) : null;

    public IEnumerable<Candidate> All => _byRubric.Values.SelectMany(c => c.Values);

    internal void Put(CandidateRegistration registration)
    {
        var candidates = _byRubric.GetOrAdd((registration.RubricId, registration.Year), _ => new(StringComparer.Ordinal));
        if (registration.Withdrawn)
        {
            candidates.TryRemove(registration.TeacherId, out _);
            return;
        }
        // Registering again changes nothing: figures keep counting from the first registration.
        candidates.TryAdd(registration.TeacherId, new Candidate(registration, ImmutableDictionary<string, ExpertScore>.Empty));
    }

    internal void Put(ExpertScore score)
    {
        if (_byRubric.TryGetValue((score.RubricId, score.Year), out var candidates) && candidates.TryGetValue(score.TeacherId, out var candidate))
        {
            candidates[score.TeacherId] = candidate with { Expert = candidate.Expert.SetItem(score.ItemId, score) };
        }
    }
}
