using ZhijiangLive.Scoring.Rubrics.Measures;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Rubrics.Sheets;

/// <summary>
/// What a sheet is computed from: one candidate's value of every measure its rubric names, and the points
/// experts entered per item. Small, so a host can gather every candidate's and rank them together.
/// </summary>
public sealed record CandidateFigures(
    string TeacherId,
    IReadOnlyDictionary<MeasureRef, long> Measured,
    IReadOnlyDictionary<string, decimal> Expert)
{
    public long ValueOf(MeasureRef measure) => Measured.GetValueOrDefault(measure);

    public static CandidateFigures Read(Rubric rubric, int year, TeacherState scores, TeacherMeasures? measures,
        IReadOnlyDictionary<string, decimal>? expert = null)
    {
        var tally = measures?.TallyFor(rubric.Id, year);
        var measured = MeasuresOf(rubric).ToDictionary(m => m, m => MeasureReader.Value(m, scores, measures, tally, year));
        return new CandidateFigures(scores.TeacherId, measured, expert ?? new Dictionary<string, decimal>());
    }

    /// <summary>Every measure the rubric reads: its parts', their requirements' and their steps' conditions.</summary>
    public static IEnumerable<MeasureRef> MeasuresOf(Rubric rubric) => rubric.Items
        .SelectMany(item => item.Parts)
        .SelectMany(part => (part.MeasureRef is { } own ? [own] : Array.Empty<MeasureRef>())
            .Concat(part.Requires.Select(c => c.MeasureRef))
            .Concat((part.Steps ?? []).SelectMany(s => s.Also).Select(c => c.MeasureRef)))
        .Distinct();
}
