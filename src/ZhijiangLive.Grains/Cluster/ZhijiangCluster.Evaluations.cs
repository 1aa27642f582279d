using ZhijiangLive.Grains.Evaluations;
using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Scoring.Rubrics;
using ZhijiangLive.Scoring.Rubrics.Sheets;

namespace ZhijiangLive.Grains.Cluster;

public sealed partial class ZhijiangCluster
{
    /// <summary>
    /// Every candidate of <paramref name="rubricId"/> and <paramref name="year"/>, each with its sheet, ranked
    /// among them all: measured values from the teachers' grains, expert points from the roster's candidate book.
    /// Null for a rubric this cluster does not have.
    /// </summary>
    public async Task<CandidateStandings?> StandingsAsync(string rubricId, int year)
    {
        if (!Services.Rubrics.TryGetValue(rubricId, out var rubric))
        {
            return null;
        }
        var measures = CandidateFigures.MeasuresOf(rubric).ToArray();
        var candidates = Roster.Candidates.Of(rubricId, year);
        var figures = await Task.WhenAll(candidates.Select(async candidate =>
        {
            var teacherId = candidate.Registration.TeacherId;
            var values = await references.Teacher(teacherId).MeasuredAsync(rubricId, year).ConfigureAwait(false);
            var measured = measures.Zip(values).ToDictionary(p => p.First, p => p.Second);
            return new CandidateFigures(teacherId, measured, candidate.Expert.ToDictionary(e => e.Key, e => e.Value.Points));
        })).ConfigureAwait(false);
        var registrations = candidates.ToDictionary(c => c.Registration.TeacherId, c => c.Registration, StringComparer.Ordinal);
        return new CandidateStandings(rubric, year, SheetCalculator.Rank(rubric, figures), registrations);
    }
}
